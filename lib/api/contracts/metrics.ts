import { z } from "zod";

import { INGEST_LIMITS, ZBatchCounts, ZStep, ZWallTime } from "./common";

// JSON has no NaN or infinities, training curves do: they travel as strings and are stored as float8.
const NON_FINITE = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, "-Infinity": Number.NEGATIVE_INFINITY } as const;

const ZMetricValue = z.union([z.number(), z.enum(["NaN", "Infinity", "-Infinity"])]).transform((v) => (typeof v === "number" ? v : NON_FINITE[v]));

const ZMetricKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f]+$/, "a metric key has no control characters");

const ZMetricPoint = z.object({ key: ZMetricKey, step: ZStep, value: ZMetricValue, wallTime: ZWallTime.nullish() });

export const ZLogMetricsRequest = z.object({
  points: z.array(ZMetricPoint).min(1).max(INGEST_LIMITS.metricPoints),
  overwrite: z.boolean().optional(),
});
export type TLogMetricsRequest = z.infer<typeof ZLogMetricsRequest>;
export type TLogMetricsInput = z.input<typeof ZLogMetricsRequest>;

export const ZLogMetricsResponse = ZBatchCounts;
