// The compare view's per-subtask delta table: for each run's chosen checkpoint, ΔGen, Und and ΔNon
// against its own baseline, with intervals. Pure; the rows are the paper table's.
import type { TMeasure } from "@/lib/metrics/summary-types";

import { preparePaperTable } from "./prepare-paper-table";
import type { TSummaryBundle } from "./types";

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
  const tables = bundles.map((b) => preparePaperTable(b, steps.get(b.runId)));
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
    state: tables.some((t) => t.state === "ready") ? "ready" : "empty",
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
