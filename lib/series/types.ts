// The dense-curve wire format (GET /api/series/buckets): what one panel receives. Pure types and
// the query contract, importable from client components.
import { z } from "zod";

import { DEFAULT_BUCKETS, MAX_BUCKETS } from "./bucket-grid";

export const ZDenseSeriesQuery = z.object({
  runs: z
    .string()
    .max(4 * 37)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.uuid()).min(1).max(4)),
  key: z.string().min(1).max(200),
  from: z.coerce.number().int().min(-2147483648).max(2147483647).optional(),
  to: z.coerce.number().int().min(-2147483648).max(2147483647).optional(),
  buckets: z.coerce.number().int().min(10).max(MAX_BUCKETS).default(DEFAULT_BUCKETS),
});
export type TDenseSeriesQuery = z.infer<typeof ZDenseSeriesQuery>;

/** One bucket of one run: `last` is null when the last point was NaN or ±Infinity (a gap). */
export type TDenseBucket = {
  i: number;
  n: number;
  nonFinite: number;
  min: number | null;
  max: number | null;
  lastStep: number;
  last: number | null;
  /** Wall time of the last point, ms since the epoch; null when not logged. */
  lastWall: number | null;
};

export type TDenseSeries = {
  runId: string;
  runName: string;
  /** Points the run logged for this key, and how many of them fall in the requested range. */
  pointsTotal: number;
  pointsInRange: number;
  stepsPerEpoch: number | null;
  /** Wall time of the run's first point of this key (the zero of the relative-time axis). */
  t0: number | null;
  buckets: TDenseBucket[];
};

export type TDensePanel = {
  key: string;
  grid: { from: number; to: number; width: number; count: number; source: "points" | `rollup-${number}` };
  series: TDenseSeries[];
  /** Runs asked for that never logged this key. */
  missing: { runId: string; runName: string }[];
};

export const X_AXES = ["step", "epoch", "time"] as const;
export type TXAxis = (typeof X_AXES)[number];

/** A key a run logged, with its point count and step range (from run_metric_keys). */
export type TMetricKeyDTO = { key: string; count: number; minStep: number; maxStep: number };
