// The paper-style table: Gen / Und / Non per subtask plus Overall for one checkpoint against the
// baseline. Pure. Overall deltas are the engine's (cluster bootstrap); per-subtask deltas use
// Newcombe's interval from the two rates' intervals (see difference-interval.ts).
import { describeExternalJudges } from "@/lib/metrics/external-judges";
import type { TCheckpointSummary, TMeasure } from "@/lib/metrics/summary-types";

import { differenceOf } from "./difference-interval";
import { listSubtasks, OVERALL, readScore } from "./score-metrics";
import type { TSummaryBundle } from "./types";

export type TPaperRow = {
  scope: string;
  isOverall: boolean;
  genBase: TMeasure | null;
  gen: TMeasure | null;
  genDelta: TMeasure | null;
  und: TMeasure | null;
  nonBase: TMeasure | null;
  non: TMeasure | null;
  nonDelta: TMeasure | null;
};

export type TPaperTable = {
  state: "ready" | "empty";
  step: number | null;
  steps: number[];
  runName: string;
  baselineLabel: string;
  externalJudge: string | null;
  rows: TPaperRow[];
  notes: string[];
};

/** The checkpoint asked for, or the latest one when it is absent or not evaluated. */
function pickCheckpoint(checkpoints: readonly TCheckpointSummary[], step: number | null | undefined): TCheckpointSummary | null {
  const ordered = [...checkpoints].sort((a, b) => a.step - b.step);
  return ordered.find((c) => c.step === step) ?? ordered.at(-1) ?? null;
}

export function preparePaperTable(bundle: TSummaryBundle, step: number | null | undefined): TPaperTable {
  const { summary, baselineCheckpoint: base } = bundle;
  const current = pickCheckpoint(summary.checkpoints, step);
  const baselineLabel = `${summary.baseline.runName} @ step ${summary.baseline.step}`;
  const notes = bundle.baselineNote ? [bundle.baselineNote] : [];
  if (!current)
    return { state: "empty", step: null, steps: [], runName: bundle.runName, baselineLabel, externalJudge: describeExternalJudges(summary), rows: [], notes };
  const scopes = [...listSubtasks([current, ...(base ? [base] : [])]), OVERALL];
  const rows = scopes.map((scope): TPaperRow => {
    const isOverall = scope === OVERALL;
    const gen = readScore(current, scope, "gen");
    const non = readScore(current, scope, "non");
    const genBase = base ? readScore(base, scope, "gen") : null;
    const nonBase = base ? readScore(base, scope, "non") : null;
    return {
      scope,
      isOverall,
      genBase,
      gen,
      genDelta: isOverall ? current.trend.deltaGen : gen && genBase ? differenceOf(gen, genBase) : null,
      und: readScore(current, scope, "und"),
      nonBase,
      non,
      nonDelta: isOverall ? current.trend.deltaNon : non && nonBase ? differenceOf(non, nonBase) : null,
    };
  });
  return {
    state: "ready",
    step: current.step,
    steps: [...summary.checkpoints].map((c) => c.step).sort((a, b) => a - b),
    runName: bundle.runName,
    baselineLabel,
    externalJudge: describeExternalJudges(summary),
    rows,
    notes,
  };
}
