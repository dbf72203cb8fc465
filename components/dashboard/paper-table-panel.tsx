"use client";

import { useMemo } from "react";

import { ChartCard } from "@/components/charts/chart-card";
import { DownloadButton, fileSlug } from "@/components/charts/download-button";
import { paperTableCsv, paperTableLatex } from "@/lib/dashboard/export-paper-table";
import { preparePaperTable } from "@/lib/dashboard/prepare-paper-table";
import type { TSummaryBundle } from "@/lib/dashboard/types";

import { MeasureCell, ScopeRow } from "./measure-cell";
import { useViewState } from "./use-view-state";

/** The paper-style table for any checkpoint against the baseline, exportable as CSV and LaTeX. */
export function PaperTablePanel({ bundle }: { bundle: TSummaryBundle }) {
  const [view, setView] = useViewState();
  const table = useMemo(() => preparePaperTable(bundle, view.step), [bundle, view.step]);
  const name = fileSlug(`${bundle.runName}-step-${table.step ?? "none"}`);
  return (
    <ChartCard
      title="Paper table"
      chartKey="paper-table"
      subtitle={`checkpoint against ${table.baselineLabel}; hover a cell for its interval. † low n.`}
      state={table.state}
      seriesCount={table.rows.length}
      bodyHeight={120}
      emptyMessage="No evaluated checkpoint yet."
      notes={table.notes}
      badge={
        table.steps.length ? (
          <label className="flex items-center gap-1 text-xs text-[var(--muted)]">
            step
            <select
              value={table.step ?? ""}
              onChange={(e) => setView({ step: Number(e.target.value) })}
              className="h-7 rounded border border-[var(--border)] bg-[var(--panel)] px-1 text-[var(--text)]"
            >
              {table.steps.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        ) : null
      }
      actions={
        <>
          <DownloadButton label="CSV" filename={`${name}.csv`} build={() => paperTableCsv(table)} ariaLabel="Download the paper table as CSV" />
          <DownloadButton
            label="LaTeX"
            filename={`${name}.tex`}
            mime="application/x-tex"
            build={() => paperTableLatex(table)}
            ariaLabel="Download the paper table as LaTeX"
          />
        </>
      }
    >
      <div className="overflow-x-auto pb-2">
        <table className="w-full text-xs">
          <thead className="text-[var(--muted)]">
            <tr>
              <th rowSpan={2} className="px-2 py-1 text-left font-medium">
                subtask
              </th>
              <th colSpan={3} className="border-b border-[var(--border)] px-2 py-1 font-medium">
                Gen ↑
              </th>
              <th className="border-b border-[var(--border)] px-2 py-1 font-medium">Und ↑</th>
              <th colSpan={3} className="border-b border-[var(--border)] px-2 py-1 font-medium">
                Non ↓
              </th>
            </tr>
            <tr>
              {["baseline", "checkpoint", "Δ", "vs 50%", "baseline", "checkpoint", "Δ"].map((h, i) => (
                <th key={i} className="px-2 py-1 text-right font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <ScopeRow key={row.scope} scope={row.scope} isOverall={row.isOverall}>
                <MeasureCell m={row.genBase} />
                <MeasureCell m={row.gen} />
                <MeasureCell m={row.genDelta} delta />
                <MeasureCell m={row.und} />
                <MeasureCell m={row.nonBase} />
                <MeasureCell m={row.non} />
                <MeasureCell m={row.nonDelta} delta />
              </ScopeRow>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
