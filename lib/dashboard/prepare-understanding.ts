// "How understanding changed": the self-judge against the external judge over checkpoints, and the
// transition triples on the baseline's images. Pure. Counts are summed over the chosen subtasks
// (sums of counts are exact); rates come only from the engine, per subtask, with their intervals.
import type { TCheckpointSummary, TMeasure, TSubtaskSummary } from "@/lib/metrics/summary-types";

import { checkpointDomain, toRatePoint, type TRateChart, type TRatePoint } from "./prepare-score-charts";
import { listSubtasks } from "./score-metrics";

type TCountSeries = { id: string; label: string; color: string };
type TCountRow = { x: number; n: number } & Record<string, number | null>;
export type TCountChart = { state: "ready" | "empty"; series: TCountSeries[]; rows: TCountRow[]; xDomain: [number, number]; scopeLabel: string };

const CONFUSION_SERIES: TCountSeries[] = [
  { id: "tp", label: "TP (self 1, judge 1)", color: "#10b981" },
  { id: "fp", label: "FP (self 1, judge 0)", color: "#f43f5e" },
  { id: "tn", label: "TN (self 0, judge 0)", color: "#0ea5e9" },
  { id: "fn", label: "FN (self 0, judge 1)", color: "#f59e0b" },
];

const TRANSITION_SERIES: TCountSeries[] = [
  { id: "corrected", label: "corrected false positives (0,1,0)", color: "#10b981" },
  { id: "introduced", label: "new false positives (0,0,1)", color: "#f43f5e" },
];

function chosen(c: TCheckpointSummary, subtasks: readonly string[] | null): TSubtaskSummary[] {
  return subtasks ? c.subtasks.filter((s) => subtasks.includes(s.subtask)) : c.subtasks;
}

function scopeLabel(subtasks: readonly string[] | null): string {
  return subtasks ? `summed over ${subtasks.join(", ") || "no subtask"}` : "summed over all subtasks";
}

function countChart(
  checkpoints: readonly TCheckpointSummary[],
  subtasks: readonly string[] | null,
  series: TCountSeries[],
  read: (s: TSubtaskSummary) => { n: number; values: Record<string, number> },
): TCountChart {
  const ordered = [...checkpoints].sort((a, b) => a.step - b.step);
  const rows = ordered.map((c) => {
    const parts = chosen(c, subtasks).map(read);
    const row: TCountRow = { x: c.step, n: parts.reduce((sum, p) => sum + p.n, 0) };
    for (const s of series) row[s.id] = parts.length ? parts.reduce((sum, p) => sum + (p.values[s.id] ?? 0), 0) : null;
    return row;
  });
  return { state: rows.some((r) => r.n > 0) ? "ready" : "empty", series, rows, xDomain: checkpointDomain(ordered), scopeLabel: scopeLabel(subtasks) };
}

/** TP / FP / TN / FN of the self-judge on each checkpoint's own images, against the external verdict. */
export function prepareConfusionCounts(checkpoints: readonly TCheckpointSummary[], subtasks: readonly string[] | null): TCountChart {
  return countChart(checkpoints, subtasks, CONFUSION_SERIES, (s) => ({
    n: s.confusion.tp + s.confusion.fp + s.confusion.tn + s.confusion.fn,
    values: { tp: s.confusion.tp, fp: s.confusion.fp, tn: s.confusion.tn, fn: s.confusion.fn },
  }));
}

/** Corrected (0,1,0) and new (0,0,1) false positives on the baseline's images, per checkpoint. */
export function prepareTransitions(checkpoints: readonly TCheckpointSummary[], subtasks: readonly string[] | null): TCountChart {
  return countChart(checkpoints, subtasks, TRANSITION_SERIES, (s) => ({
    n: s.triples.n,
    values: { corrected: s.triples.correctedFalsePositives, introduced: s.triples.newFalsePositives },
  }));
}

function ratePoints(checkpoints: readonly TCheckpointSummary[], subtask: string, read: (s: TSubtaskSummary) => TMeasure): TRatePoint[] {
  return checkpoints.map((c) => {
    const found = c.subtasks.find((s) => s.subtask === subtask);
    return toRatePoint(c, found ? read(found) : null);
  });
}

/** Per subtask: the self-judge's false-positive rate and the precision of what it accepts, with bands. */
export function prepareJudgeRateCharts(checkpoints: readonly TCheckpointSummary[], subtasks: readonly string[] | null): TRateChart[] {
  const ordered = [...checkpoints].sort((a, b) => a.step - b.step);
  const xDomain = checkpointDomain(ordered);
  return listSubtasks(ordered)
    .filter((s) => !subtasks || subtasks.includes(s))
    .map((subtask) => {
      const fpr = ratePoints(ordered, subtask, (s) => s.confusion.falsePositiveRate);
      const precision = ratePoints(ordered, subtask, (s) => s.confusion.precision);
      const series = [
        { id: "fpr", label: "false-positive rate", color: "#f43f5e", points: fpr, lowNPoints: fpr.filter((p) => p.lowN && p.value !== null) },
        {
          id: "precision",
          label: "precision of self-accepted",
          color: "#10b981",
          points: precision,
          lowNPoints: precision.filter((p) => p.lowN && p.value !== null),
        },
      ];
      return {
        id: subtask,
        title: subtask,
        state: series.some((s) => s.points.some((p) => p.value !== null)) ? "ready" : "empty",
        series,
        xDomain,
        referenceY: null,
      };
    });
}
