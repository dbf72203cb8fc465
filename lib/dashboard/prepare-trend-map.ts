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

export type TTrendRun = { runId: string; runName: string; color: string; cls: TCoTrend | null; latestStep: number | null; points: TTrendPoint[]; alarms: { step: number; reasons: string[] }[]; unplaced: number };

export type TTrendMap = {
  state: "ready" | "empty";
  runs: TTrendRun[];
  xDomain: [number, number];
  yDomain: [number, number];
  deltaNonScale: { min: number; max: number };
  quadrants: { x: "left" | "right"; y: "top" | "bottom"; label: string }[];
  /** Every checkpoint whose alarm is raised, latest first: the case the Nonunified score alone cannot see. */
  alarms: { runId: string; runName: string; step: number; reasons: string[]; isLatest: boolean }[];
};

export const QUADRANTS: TTrendMap["quadrants"] = [
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

function symmetric(values: number[], minimum: number): [number, number] {
  const m = Math.max(minimum, ...values.map(Math.abs)) * 1.15;
  return [-m, m];
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
  const xs = runs.flatMap((r) => r.points.flatMap((p) => [p.x, ...(p.xInterval ?? [])]));
  const ys = runs.flatMap((r) => r.points.flatMap((p) => [p.y, ...(p.yInterval ?? [])]));
  const alarms = runs
    .flatMap((r) => r.alarms.map((a) => ({ runId: r.runId, runName: r.runName, step: a.step, reasons: a.reasons, isLatest: a.step === r.latestStep })))
    .sort((a, b) => Number(b.isLatest) - Number(a.isLatest) || b.step - a.step);
  return {
    state: runs.some((r) => r.points.length > 0) ? "ready" : "empty",
    runs,
    xDomain: symmetric(xs, 0.02),
    yDomain: symmetric(ys, 0.02),
    deltaNonScale: { min: -maxAbsNon, max: maxAbsNon },
    quadrants: QUADRANTS,
    alarms,
  };
}
