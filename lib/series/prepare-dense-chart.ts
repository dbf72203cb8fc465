// Dense training curves: from the server's buckets to what the chart draws. Pure; the component
// only maps this model onto Recharts. Decides x positions, gaps, log-scale exclusions, the EMA
// overlay, the "showing N of M points" badge and the notes that say what is not drawn and why.
import { emaDebiased } from "./ema";
import type { TDensePanel, TDenseSeries, TXAxis } from "./types";

export type TDensePoint = {
  x: number;
  step: number;
  /** The bucket's last value: the raw line. Null = gap (NaN, missing, or hidden by the log scale). */
  last: number | null;
  /** [min, max] of the bucket's finite values: the band that keeps spikes. */
  band: [number, number] | null;
  ema: number | null;
  n: number;
  nonFinite: number;
  /** Index of the bucket on the panel's grid. */
  bucket: number;
  bucketFrom: number;
  bucketTo: number;
};

type TDenseChartSeries = { runId: string; runName: string; color: string; points: TDensePoint[]; drawn: number; inRange: number; total: number };

export type TDenseChartModel = {
  key: string;
  state: "ready" | "empty";
  xAxis: TXAxis;
  xLabel: string;
  yScale: "linear" | "log";
  xDomain: [number, number];
  series: TDenseChartSeries[];
  badge: { drawn: number; inRange: number; total: number; bucketWidth: number };
  ema: { weight: number; label: string } | null;
  notes: string[];
};

export type TDenseChartOptions = { xAxis: TXAxis; logY: boolean; emaWeight: number; colors: ReadonlyMap<string, string> };

const X_LABEL: Record<TXAxis, string> = { step: "step", epoch: "epoch", time: "relative time (s)" };
/** An empty stretch at least this many times the usual spacing between buckets is drawn as a gap. */
const GAP_FACTOR = 2;

export function prepareDenseChart(panel: TDensePanel, options: TDenseChartOptions): TDenseChartModel {
  const notes: string[] = panel.missing.map((m) => `${m.runName} has not logged ${panel.key}.`);
  const series: TDenseChartSeries[] = [];
  for (const s of panel.series) {
    const xOf = xMapper(s, options.xAxis);
    if (!xOf) {
      notes.push(`${s.runName} is not drawn: it has no ${options.xAxis === "epoch" ? "epoch on its checkpoints" : "wall time on its points"}.`);
      continue;
    }
    series.push(prepareSeries(s, panel.grid, xOf, options, notes));
  }
  const hidden = series.flatMap((s) => s.points).length === 0;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const xDomain: [number, number] = options.xAxis === "step" ? [panel.grid.from, panel.grid.to] : xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const nonFinite = panel.series.reduce((sum, s) => sum + s.buckets.reduce((a, b) => a + b.nonFinite, 0), 0);
  if (nonFinite > 0) notes.push(`${nonFinite.toLocaleString("en-US")} NaN or infinite values are not drawn (gaps where a bucket's last value is one).`);
  return {
    key: panel.key,
    state: hidden ? "empty" : "ready",
    xAxis: options.xAxis,
    xLabel: X_LABEL[options.xAxis],
    yScale: options.logY ? "log" : "linear",
    xDomain,
    series,
    badge: {
      drawn: series.reduce((sum, s) => sum + s.drawn, 0),
      inRange: series.reduce((sum, s) => sum + s.inRange, 0),
      total: series.reduce((sum, s) => sum + s.total, 0),
      bucketWidth: panel.grid.width,
    },
    ema: options.emaWeight > 0 ? { weight: options.emaWeight, label: `EMA ${options.emaWeight} (debiased, over the drawn points)` } : null,
    notes,
  };
}

function xMapper(s: TDenseSeries, xAxis: TXAxis): ((step: number, wall: number | null) => number | null) | null {
  if (xAxis === "step") return (step) => step;
  if (xAxis === "epoch") {
    const spe = s.stepsPerEpoch;
    return spe && spe > 0 ? (step) => step / spe : null;
  }
  const t0 = s.t0;
  return t0 === null ? null : (_step, wall) => (wall === null ? null : (wall - t0) / 1000);
}

function prepareSeries(
  s: TDenseSeries,
  grid: TDensePanel["grid"],
  xOf: (step: number, wall: number | null) => number | null,
  options: TDenseChartOptions,
  notes: string[],
): TDenseChartSeries {
  let hiddenByLog = 0;
  let noClock = 0;
  const keepPositive = (v: number | null) => {
    if (v === null || !options.logY || v > 0) return v;
    hiddenByLog += 1;
    return null;
  };
  const raw: TDensePoint[] = [];
  for (const b of s.buckets) {
    const x = xOf(b.lastStep, b.lastWall);
    if (x === null) {
      noClock += 1;
      continue;
    }
    let band: [number, number] | null = b.min === null || b.max === null ? null : [b.min, b.max];
    if (band && options.logY && band[0] <= 0) {
      hiddenByLog += 1;
      band = null;
    }
    const bucketFrom = grid.from + b.i * grid.width;
    raw.push({
      x,
      step: b.lastStep,
      last: b.last,
      band,
      ema: null,
      n: b.n,
      nonFinite: b.nonFinite,
      bucket: b.i,
      bucketFrom,
      bucketTo: bucketFrom + grid.width - 1,
    });
  }
  const ema =
    options.emaWeight > 0
      ? emaDebiased(
          raw.map((p) => p.last),
          options.emaWeight,
        )
      : raw.map(() => null);
  const points = insertGaps(raw.map((p, k) => ({ ...p, last: keepPositive(p.last), ema: keepPositive(ema[k] ?? null) })));
  if (hiddenByLog > 0) notes.push(`${s.runName}: ${hiddenByLog} values ≤ 0 are not drawn on the log scale.`);
  if (noClock > 0) notes.push(`${s.runName}: ${noClock} buckets have no wall time and are not drawn on the time axis.`);
  return {
    runId: s.runId,
    runName: s.runName,
    color: options.colors.get(s.runId) ?? "#64748b",
    points,
    drawn: raw.length,
    inRange: s.pointsInRange,
    total: s.pointsTotal,
  };
}

/**
 * Consecutive buckets are joined; an empty stretch of at least GAP_FACTOR times the median spacing
 * between non-empty buckets gets a null point, so missing data shows as a gap, never as a bridge.
 */
function insertGaps(points: readonly TDensePoint[]): TDensePoint[] {
  if (points.length < 2) return [...points];
  const spacings = points.slice(1).map((p, k) => p.bucket - points[k]!.bucket);
  const median = [...spacings].sort((a, b) => a - b)[Math.floor(spacings.length / 2)]!;
  const out: TDensePoint[] = [points[0]!];
  for (let k = 1; k < points.length; k++) {
    if (spacings[k - 1]! >= GAP_FACTOR * median) {
      const prev = points[k - 1]!;
      const next = points[k]!;
      out.push({ ...prev, x: (prev.x + next.x) / 2, last: null, band: null, ema: null, n: 0, nonFinite: 0 });
    }
    out.push(points[k]!);
  }
  return out;
}

/** The CSV of exactly what is drawn: one row per drawn bucket and run. */
export function denseChartCsvRows(model: TDenseChartModel) {
  const header = [
    "run",
    model.xLabel,
    "step",
    "last",
    "min",
    "max",
    "points_in_bucket",
    "non_finite",
    "bucket_from_step",
    "bucket_to_step",
    ...(model.ema ? ["ema"] : []),
  ];
  const rows = model.series.flatMap((s) =>
    s.points
      .filter((p) => p.n > 0)
      .map((p) => [
        s.runName,
        p.x,
        p.step,
        p.last,
        p.band?.[0] ?? null,
        p.band?.[1] ?? null,
        p.n,
        p.nonFinite,
        p.bucketFrom,
        p.bucketTo,
        ...(model.ema ? [p.ema] : []),
      ]),
  );
  return { header, rows };
}

/**
 * A zoom selection on the drawn x axis as a step range (the grid's unit). In epoch and time mode
 * the selection goes through the first drawn run's own points, since the grid is in steps.
 */
export function xRangeToSteps(model: TDenseChartModel, x1: number, x2: number): { from: number; to: number } | null {
  const lo = Math.min(x1, x2);
  const hi = Math.max(x1, x2);
  if (model.xAxis === "step") return hi - lo >= 1 ? { from: Math.floor(lo), to: Math.ceil(hi) } : null;
  const points = model.series[0]?.points.filter((p) => p.n > 0) ?? [];
  const inside = points.filter((p) => p.x >= lo && p.x <= hi);
  if (inside.length === 0) return null;
  const from = inside[0]!.bucketFrom;
  const to = inside.at(-1)!.bucketTo;
  return to > from ? { from, to } : null;
}

/** The drawn point of a series nearest to x (for the tooltip: it snaps to real buckets). */
export function nearestPoint(points: readonly TDensePoint[], x: number): TDensePoint | null {
  let best: TDensePoint | null = null;
  for (const p of points) if (p.n > 0 && (!best || Math.abs(p.x - x) < Math.abs(best.x - x))) best = p;
  return best;
}
