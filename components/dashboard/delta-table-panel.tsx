"use client";

import { useMemo } from "react";

import { ChartCard } from "@/components/charts/chart-card";
import { DownloadButton } from "@/components/charts/download-button";
import { toCsv } from "@/lib/dashboard/csv";
import { prepareDeltaTable, type TDeltaTable } from "@/lib/dashboard/prepare-delta-table";
import type { TSummaryBundle } from "@/lib/dashboard/types";

import { MeasureCell, ScopeRow } from "./measure-cell";

function deltaCsv(table: TDeltaTable): string {
  const header = [
    "subtask",
    ...table.runs.flatMap((r) =>
      ["gen_delta", "und", "non_delta"].flatMap((f) => [`${r.runName}:${f}`, `${r.runName}:${f}_lo`, `${r.runName}:${f}_hi`, `${r.runName}:${f}_n`]),
    ),
  ];
  const rows = table.rows.map((row) => [
    row.scope,
    ...row.cells.flatMap((c) => [c.genDelta, c.und, c.nonDelta].flatMap((m) => (m ? [m.value, m.lo, m.hi, m.n] : [null, null, null, null]))),
  ]);
  return toCsv(header, rows);
}

/** Per-subtask ΔGen, Und and ΔNon of each run at its latest checkpoint, with intervals. */
export function DeltaTablePanel({ bundles, colors }: { bundles: readonly TSummaryBundle[]; colors: ReadonlyMap<string, string> }) {
  const table = useMemo(() => prepareDeltaTable(bundles, colors), [bundles, colors]);
  return (
    <ChartCard
      title="Per-subtask deltas against each run's baseline"
      chartKey="delta-table"
      subtitle="Overall deltas: the engine's cluster-bootstrap intervals. Subtask deltas: Newcombe intervals from the two rates' intervals (conservative for shared prompts). † low n."
      state={table.state}
      seriesCount={table.runs.length}
      bodyHeight={120}
      actions={<DownloadButton label="CSV" filename="subtask-deltas.csv" build={() => deltaCsv(table)} ariaLabel="Download the CSV of the delta table" />}
    >
      <div className="overflow-x-auto pb-2">
        <table className="w-full text-xs">
          <thead className="text-[var(--muted)]">
            <tr>
              <th rowSpan={2} className="px-2 py-1 text-left font-medium">
                subtask
              </th>
              {table.runs.map((r) => (
                <th key={r.runId} colSpan={3} className="border-b px-2 py-1 font-medium" style={{ borderColor: r.color }}>
                  {r.runName}{" "}
                  <span className="font-normal">
                    (step {r.step ?? "—"} vs {r.baselineLabel})
                  </span>
                </th>
              ))}
            </tr>
            <tr>
              {table.runs.flatMap((r) =>
                ["ΔGen", "Und", "ΔNon"].map((h) => (
                  <th key={`${r.runId}-${h}`} className="px-2 py-1 text-right font-medium">
                    {h}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <ScopeRow key={row.scope} scope={row.scope} isOverall={row.isOverall}>
                {row.cells.flatMap((c, i) => [
                  <MeasureCell key={`${i}g`} m={c.genDelta} delta showInterval />,
                  <MeasureCell key={`${i}u`} m={c.und} showInterval />,
                  <MeasureCell key={`${i}n`} m={c.nonDelta} delta showInterval />,
                ])}
              </ScopeRow>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
