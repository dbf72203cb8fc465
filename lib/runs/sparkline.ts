// The runs table's sparkline of the Nonunified score (run_stats.non_series). Pure. The y range is
// fixed at 0–100% so rows can be compared at a glance; missing checkpoints are gaps.
import { z } from "zod";

export type TSparkPoint = { step: number | null; value: number | null };

const ZPoint = z.union([
  z.number().nullable(),
  z.object({ step: z.number().optional(), value: z.number().nullable().optional(), non: z.number().nullable().optional() }).passthrough(),
]);

export const MAX_SPARK_POINTS = 200;

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

/** An SVG path over a width × height box; every null starts a new segment. */
export function sparklinePath(points: readonly TSparkPoint[], width: number, height: number, pad = 1.5): string {
  if (points.length === 0) return "";
  const dx = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  let path = "";
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    const x = points.length > 1 ? pad + i * dx : width / 2;
    const y = pad + (1 - Math.min(1, Math.max(0, p.value))) * (height - 2 * pad);
    path += `${pen ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)}`;
    pen = true;
  });
  return path;
}
