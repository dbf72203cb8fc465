// The compare view's per-subtask delta table: for each run's chosen checkpoint, ΔGen, Und and ΔNon
// against its own baseline, with intervals. Pure. Overall deltas are the engine's (cluster
// bootstrap); per-subtask deltas use Newcombe's interval from the two rates' intervals.
import type { TCheckpointSummary, TMeasure } from "@/lib/metrics/summary-types";

import { differenceOf } from "./difference-interval";
import { listSubtasks, OVERALL, readScore } from "./score-metrics";
import type { TSummaryBundle } from "./types";

type TDeltaRow = { scope: string; isOverall: boolean; genDelta: TMeasure | null; und: TMeasure | null; nonDelta: TMeasure | null };

/** The checkpoint asked for, or the latest one when it is absent or not evaluated. */
function pickCheckpoint(checkpoints: readonly TCheckpointSummary[], step: number | null | undefined): TCheckpointSummary | null {
  const ordered = [...checkpoints].sort((a, b) => a.step - b.step);
  return ordered.find((c) => c.step === step) ?? ordered.at(-1) ?? null;
}

/** One run's deltas per subtask and Overall at its chosen checkpoint against its baseline checkpoint. */
function deltaRows(bundle: TSummaryBundle, step: number | undefined): { step: number | null; baselineLabel: string; rows: TDeltaRow[] } {
  const { summary, baselineCheckpoint: base } = bundle;
  const current = pickCheckpoint(summary.checkpoints, step);
  const baselineLabel = `${summary.baseline.runName} @ step ${summary.baseline.step}`;
  if (!current) return { step: null, baselineLabel, rows: [] };
  const scopes = [...listSubtasks([current, ...(base ? [base] : [])]), OVERALL];
  const rows = scopes.map((scope): TDeltaRow => {
    const isOverall = scope === OVERALL;
    const gen = readScore(current, scope, "gen");
    const non = readScore(current, scope, "non");
    const genBase = base ? readScore(base, scope, "gen") : null;
    const nonBase = base ? readScore(base, scope, "non") : null;
    return {
      scope,
      isOverall,
      genDelta: isOverall ? current.trend.deltaGen : gen && genBase ? differenceOf(gen, genBase) : null,
      und: readScore(current, scope, "und"),
      nonDelta: isOverall ? current.trend.deltaNon : non && nonBase ? differenceOf(non, nonBase) : null,
    };
  });
  return { step: current.step, baselineLabel, rows };
}

type TDeltaCell = { genDelta: TMeasure | null; und: TMeasure | null; nonDelta: TMeasure | null };
export type TDeltaTable = {
  state: "ready" | "empty";
  runs: { runId: string; runName: string; color: string; step: number | null; baselineLabel: string }[];
  rows: { scope: string; isOverall: boolean; cells: TDeltaCell[] }[];
};

export function prepareDeltaTable(
  bundles: readonly TSummaryBundle[],
  colors: ReadonlyMap<string, string>,
  steps: ReadonlyMap<string, number> = new Map(),
): TDeltaTable {
  const tables = bundles.map((b) => deltaRows(b, steps.get(b.runId)));
  const scopes: string[] = [];
  for (const t of tables) for (const r of t.rows) if (!r.isOverall && !scopes.includes(r.scope)) scopes.push(r.scope);
  const rows = [...scopes, "Overall"].map((scope) => ({
    scope,
    isOverall: scope === "Overall",
    cells: tables.map((t) => {
      const row = t.rows.find((r) => r.scope === scope);
      return { genDelta: row?.genDelta ?? null, und: row?.und ?? null, nonDelta: row?.nonDelta ?? null };
    }),
  }));
  return {
    state: tables.some((t) => t.rows.length > 0) ? "ready" : "empty",
    runs: bundles.map((b, i) => ({
      runId: b.runId,
      runName: b.runName,
      color: colors.get(b.runId) ?? "#64748b",
      step: tables[i]!.step,
      baselineLabel: tables[i]!.baselineLabel,
    })),
    rows,
  };
}
