// The co-improvement / co-degradation view: every checkpoint of every run at (ΔGen, Und − 0.5)
// against its baseline, coloured by ΔNon, each run's path through its checkpoints, its co-trend
// class, and the data-quality alarm. Pure. Classes and alarms are the engine's; this only places them.
import type { TTrend } from "@/lib/metrics/summary-types";

import type { TSummaryBundle } from "./types";

type TCoTrend = TTrend["class"];

export type TTrendPoint = {
  step: number;
  x: number;
  y: number;
  xInterval: [number, number] | null;
  yInterval: [number, number] | null;
  deltaNon: number | null;
  deltaNonColor: string;
  n: { gen: number; und: number; non: number };
  lowN: boolean;
  alarm: boolean;
  cls: TCoTrend;
};

type TTrendRun = {
  runId: string;
  runName: string;
  color: string;
  cls: TCoTrend | null;
  latestStep: number | null;
  points: TTrendPoint[];
  alarms: { step: number; reasons: string[] }[];
  unplaced: number;
};

export type TTrendMap = {
  state: "ready" | "empty";
  runs: TTrendRun[];
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: number[];
  yTicks: number[];
  deltaNonScale: { min: number; max: number };
  quadrants: { x: "left" | "right"; y: "top" | "bottom"; label: string }[];
  /**
   * Per run with an alarm: its latest alarmed checkpoint with the reasons, and every alarmed step —
   * the case the Nonunified score alone cannot see. Runs alarmed at their latest checkpoint first.
   */
  alarms: { runId: string; runName: string; step: number; steps: number[]; reasons: string[]; isLatest: boolean }[];
};

const QUADRANTS: TTrendMap["quadrants"] = [
  { x: "right", y: "top", label: "co-improvement" },
  { x: "left", y: "bottom", label: "co-degradation" },
  { x: "right", y: "bottom", label: "generation up, understanding down" },
  { x: "left", y: "top", label: "understanding up, generation down" },
];

const NEUTRAL = [148, 163, 184];
const BETTER = [14, 165, 233];
const WORSE = [244, 63, 94];

/** Fewer contradictions (ΔNon < 0) shade towards blue, more towards rose, none is slate. */
export function deltaNonColor(deltaNon: number | null, maxAbs: number): string {
  if (deltaNon === null || maxAbs <= 0) return `rgb(${NEUTRAL.join(", ")})`;
  const t = Math.min(1, Math.abs(deltaNon) / maxAbs);
  const target = deltaNon < 0 ? BETTER : WORSE;
  const mix = NEUTRAL.map((c, i) => Math.round(c + (target[i]! - c) * t));
  return `rgb(${mix.join(", ")})`;
}

const NICE = [0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1];

/** A symmetric domain around the baseline (so quadrants are honest) on a round number, with five ticks. */
function symmetric(values: number[]): { domain: [number, number]; ticks: number[] } {
  const need = Math.max(...values.map(Math.abs), 0) * 1.1;
  const m = NICE.find((n) => n >= need) ?? Math.ceil(need * 10) / 10;
  return { domain: [-m, m], ticks: [-m, -m / 2, 0, m / 2, m] };
}

export function prepareTrendMap(bundles: readonly TSummaryBundle[], colors: ReadonlyMap<string, string>): TTrendMap {
  const all = bundles.flatMap((b) => b.summary.checkpoints);
  const maxAbsNon = Math.max(0, ...all.map((c) => Math.abs(c.trend.deltaNon.value ?? 0)));
  const runs: TTrendRun[] = bundles.map((b) => {
    const ordered = [...b.summary.checkpoints].sort((a, c) => a.step - c.step);
    const points: TTrendPoint[] = [];
    for (const c of ordered) {
      const { deltaGen, deltaNon } = c.trend;
      const und = c.overall.und;
      if (deltaGen.value === null || und.value === null) continue;
      points.push({
        step: c.step,
        x: deltaGen.value,
        y: und.value - 0.5,
        xInterval: deltaGen.lo !== null && deltaGen.hi !== null ? [deltaGen.lo, deltaGen.hi] : null,
        yInterval: und.lo !== null && und.hi !== null ? [und.lo - 0.5, und.hi - 0.5] : null,
        deltaNon: deltaNon.value,
        deltaNonColor: deltaNonColor(deltaNon.value, maxAbsNon),
        n: { gen: deltaGen.n, und: und.n, non: deltaNon.n },
        lowN: deltaGen.lowN || und.lowN,
        alarm: c.trend.alarm,
        cls: c.trend.class,
      });
    }
    const latest = ordered.at(-1);
    return {
      runId: b.runId,
      runName: b.runName,
      color: colors.get(b.runId) ?? "#64748b",
      cls: latest?.trend.class ?? null,
      latestStep: latest?.step ?? null,
      points,
      alarms: ordered.filter((c) => c.trend.alarm).map((c) => ({ step: c.step, reasons: c.trend.reasons })),
      unplaced: ordered.length - points.length,
    };
  });
  // Low-n intervals (Und on 0–3 disagreements spans almost everything) would flatten every other
  // point; they are still drawn, clipped at the edge, and the point is marked low n.
  const xs = runs.flatMap((r) => r.points.flatMap((p) => [p.x, ...(p.lowN ? [] : (p.xInterval ?? []))]));
  const ys = runs.flatMap((r) => r.points.flatMap((p) => [p.y, ...(p.lowN ? [] : (p.yInterval ?? []))]));
  const alarms = runs
    .filter((r) => r.alarms.length > 0)
    .map((r) => {
      const latest = r.alarms.at(-1)!;
      return {
        runId: r.runId,
        runName: r.runName,
        step: latest.step,
        steps: r.alarms.map((a) => a.step),
        reasons: latest.reasons,
        isLatest: latest.step === r.latestStep,
      };
    })
    .sort((a, b) => Number(b.isLatest) - Number(a.isLatest) || b.step - a.step);
  const x = symmetric(xs);
  const y = symmetric(ys);
  return {
    state: runs.some((r) => r.points.length > 0) ? "ready" : "empty",
    runs,
    xDomain: x.domain,
    yDomain: y.domain,
    xTicks: x.ticks,
    yTicks: y.ticks,
    deltaNonScale: { min: -maxAbsNon, max: maxAbsNon },
    quadrants: QUADRANTS,
    alarms,
  };
}
