// The runs table's sparkline of the Nonunified score (run_stats.non_series). Pure. Each row has its
// own y range (at least MIN_SPAN wide, inside 0–100%) so a trend of a few points is visible; the
// range is stated in the label, and missing checkpoints are gaps.
import { z } from "zod";

export type TSparkPoint = { step: number | null; value: number | null };

const ZPoint = z.union([
  z.number().nullable(),
  z.object({ step: z.number().optional(), value: z.number().nullable().optional(), non: z.number().nullable().optional() }).passthrough(),
]);

const MAX_SPARK_POINTS = 200;

/**
 * Reads non_series as written by the metrics engine: an array of rates (or nulls) or of
 * `{ step, value }` objects. Anything else gives no sparkline rather than a wrong one; long series
 * keep their last MAX_SPARK_POINTS checkpoints.
 */
export function parseNonSeries(json: unknown): TSparkPoint[] {
  const parsed = z.array(ZPoint).safeParse(json);
  if (!parsed.success) return [];
  return parsed.data.slice(-MAX_SPARK_POINTS).map((p) => {
    if (p === null || typeof p === "number") return { step: null, value: p === null || !Number.isFinite(p) ? null : p };
    const value = p.value ?? p.non ?? null;
    return { step: p.step ?? null, value: value !== null && Number.isFinite(value) ? value : null };
  });
}

/** Smallest y range of a sparkline: 10 percentage points. */
const MIN_SPAN = 0.1;

/** The row's y range: its values' extent, widened around its middle to MIN_SPAN, kept inside [0, 1]. */
export function sparklineDomain(points: readonly TSparkPoint[]): [number, number] {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo < MIN_SPAN) {
    const mid = (hi + lo) / 2;
    lo = mid - MIN_SPAN / 2;
    hi = mid + MIN_SPAN / 2;
  }
  if (lo < 0) [lo, hi] = [0, Math.max(hi - lo, MIN_SPAN)];
  if (hi > 1) [lo, hi] = [Math.min(lo - (hi - 1), 1 - MIN_SPAN), 1];
  return [Math.max(0, lo), Math.min(1, hi)];
}

/** An SVG path over a width × height box on the given y domain; every null starts a new segment. */
export function sparklinePath(points: readonly TSparkPoint[], width: number, height: number, pad = 1.5, domain: [number, number] = [0, 1]): string {
  if (points.length === 0) return "";
  const [lo, hi] = domain;
  const dx = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  let path = "";
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    const x = points.length > 1 ? pad + i * dx : width / 2;
    const t = hi > lo ? (Math.min(hi, Math.max(lo, p.value)) - lo) / (hi - lo) : 0.5;
    const y = pad + (1 - t) * (height - 2 * pad);
    path += `${pen ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  });
  return path;
}
