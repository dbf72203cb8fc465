// Gen / Und / Non / Unification over checkpoints, Overall and per subtask (small multiples). Pure.
// Sparse evaluation rates are not bucketed: every point keeps its n and 95% band, low-n points are
// marked, and a missing value is a gap.
import type { TCheckpointSummary, TMeasure } from "@/lib/metrics/summary-types";

import { listSubtasks, OVERALL, readScore, SCORE_META, type TScoreMetric } from "./score-metrics";

export type TRatePoint = { x: number; epoch: number | null; value: number | null; band: [number, number] | null; n: number; lowN: boolean };
type TRateSeries = { id: string; label: string; color: string; points: TRatePoint[]; lowNPoints: TRatePoint[] };
export type TRateChart = {
  id: string;
  title: string;
  state: "ready" | "empty";
  series: TRateSeries[];
  xDomain: [number, number];
  /** Und is read against 50%: a reference line says so. */
  referenceY: number | null;
};

export type TScoreChartOptions = { metrics: readonly TScoreMetric[]; subtasks: readonly string[] | null; xDomain?: [number, number] };

export function checkpointDomain(checkpoints: readonly TCheckpointSummary[]): [number, number] {
  if (checkpoints.length === 0) return [0, 1];
  const steps = checkpoints.map((c) => c.step);
  return [Math.min(...steps), Math.max(...steps)];
}

/** One chart per scope (Overall first, then the subtasks asked for), one series per score. */
export function prepareScoreCharts(checkpoints: readonly TCheckpointSummary[], options: TScoreChartOptions): TRateChart[] {
  const ordered = [...checkpoints].sort((a, b) => a.step - b.step);
  const all = listSubtasks(ordered);
  const scopes = [OVERALL, ...(options.subtasks ? all.filter((s) => options.subtasks!.includes(s)) : all)];
  const xDomain = options.xDomain ?? checkpointDomain(ordered);
  return scopes.map((scope) => {
    const series = options.metrics.map((metric) => rateSeries(ordered, scope, metric));
    const hasData = series.some((s) => s.points.some((p) => p.value !== null));
    return { id: scope, title: scope, state: hasData ? "ready" : "empty", series, xDomain, referenceY: options.metrics.includes("und") ? 0.5 : null };
  });
}

/** A checkpoint's rate as a chart point: a missing measure is a gap with n = 0, never a 0. */
export function toRatePoint(c: Pick<TCheckpointSummary, "step" | "epoch">, m: TMeasure | null): TRatePoint {
  const band: [number, number] | null = m && m.value !== null && m.lo !== null && m.hi !== null ? [m.lo, m.hi] : null;
  return { x: c.step, epoch: c.epoch, value: m?.value ?? null, band, n: m?.n ?? 0, lowN: m?.lowN ?? false };
}

function rateSeries(checkpoints: readonly TCheckpointSummary[], scope: string, metric: TScoreMetric): TRateSeries {
  const points = checkpoints.map((c) => toRatePoint(c, readScore(c, scope, metric)));
  const meta = SCORE_META[metric];
  return { id: metric, label: meta.label, color: meta.color, points, lowNPoints: points.filter((p) => p.lowN && p.value !== null) };
}
