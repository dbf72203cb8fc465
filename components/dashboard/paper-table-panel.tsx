"use client";

import { useMemo } from "react";

import { ChartCard } from "@/components/charts/chart-card";
import { DownloadButton, fileSlug } from "@/components/charts/download-button";
import { paperTableCsv, paperTableLatex } from "@/lib/dashboard/export-paper-table";
import { preparePaperTable } from "@/lib/dashboard/prepare-paper-table";
import type { TSummaryBundle } from "@/lib/dashboard/types";
import { judgeOfBenchmark } from "@/lib/metrics/external-judges";

import { PaperTableView } from "./paper-table-view";
import { useViewState } from "./use-view-state";

const SELECT = "h-7 rounded border border-[var(--border)] bg-[var(--panel)] px-1 text-[var(--text)]";

/**
 * The run page's paper table: the baseline and this run at one checkpoint (the latest unless the URL
 * names a step), on one benchmark, built and exported by the same code as the Paper table page.
 */
export function PaperTablePanel({ bundle }: { bundle: TSummaryBundle }) {
  const [view, setView] = useViewState();
  const { summary, baselineCheckpoint } = bundle;
  const steps = useMemo(() => summary.checkpoints.map((c) => c.step).sort((a, b) => a - b), [summary]);
  const current = summary.checkpoints.find((c) => c.step === view.step) ?? summary.checkpoints.find((c) => c.step === steps.at(-1)) ?? null;
  const benchmarks = useMemo(() => [...new Set(summary.checkpoints.flatMap((c) => c.subtasks.map((s) => s.benchmark)))].sort(), [summary]);
  const benchmark = view.benchmark && benchmarks.includes(view.benchmark) ? view.benchmark : (benchmarks[0] ?? "");
  const judge = judgeOfBenchmark(summary.externalJudges, benchmark);
  const table = useMemo(
    () =>
      preparePaperTable({
        benchmark,
        rows: [
          { runId: summary.baseline.runId, runName: summary.baseline.runName, checkpoint: baselineCheckpoint, externalJudge: judge },
          { runId: bundle.runId, runName: bundle.runName, checkpoint: current, externalJudge: judge },
        ],
        checkpointRule: "The run is shown at the checkpoint picked above (its latest unless one is picked), the baseline at its recorded checkpoint.",
      }),
    [benchmark, summary, baselineCheckpoint, bundle, current, judge],
  );
  const intervals = view.intervals === "1";
  const name = fileSlug(`${bundle.runName}-step-${current?.step ?? "none"}-${benchmark}`);
  return (
    <ChartCard
      title="Paper table"
      chartKey="paper-table"
      subtitle="the baseline and this checkpoint in the paper's layout; hover a cell for its n and interval. † low n."
      state={current && benchmark ? table.state : "empty"}
      seriesCount={table.rows.length}
      bodyHeight={120}
      emptyMessage="No evaluated checkpoint yet."
      notes={bundle.baselineNote ? [bundle.baselineNote] : []}
      badge={
        <span className="flex items-center gap-2 text-xs text-[var(--muted)]">
          {benchmarks.length > 1 ? (
            <label className="flex items-center gap-1">
              benchmark
              <select value={benchmark} onChange={(e) => setView({ benchmark: e.target.value })} className={SELECT}>
                {benchmarks.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {steps.length ? (
            <label className="flex items-center gap-1">
              step
              <select value={current?.step ?? ""} onChange={(e) => setView({ step: Number(e.target.value) })} className={SELECT}>
                {steps.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={intervals} onChange={(e) => setView({ intervals: e.target.checked ? "1" : undefined })} />
            95% intervals
          </label>
        </span>
      }
      actions={
        <>
          <DownloadButton label="CSV" filename={`${name}.csv`} build={() => paperTableCsv(table)} ariaLabel="Download the paper table as CSV" />
          <DownloadButton
            label="LaTeX"
            filename={`${name}.tex`}
            mime="application/x-tex"
            build={() => paperTableLatex(table, { intervals })}
            ariaLabel="Download the paper table as LaTeX"
          />
        </>
      }
    >
      <div className="pb-2">
        <PaperTableView table={table} showIntervals={intervals} />
      </div>
    </ChartCard>
  );
}
