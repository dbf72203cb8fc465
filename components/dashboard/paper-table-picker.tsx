"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";

import { formatPaperTableRuns, PAPER_TABLE_MAX_RUNS, type TPaperTableEntry } from "@/lib/api/contracts/paper-table";
import type { TRunRowDTO } from "@/lib/runs/types";

const SELECT = "h-8 w-full rounded border border-[var(--border)] bg-[var(--panel)] px-1 text-sm text-[var(--text)]";

type TProps = {
  runs: readonly Pick<TRunRowDTO, "id" | "name" | "method" | "baselineRunId">[];
  benchmarks: readonly string[];
  entries: readonly TPaperTableEntry[];
  benchmark: string;
  showIntervals: boolean;
};

/**
 * Which runs (the baseline first), which benchmark, intervals or not: all of it in the URL
 * (`runs=<id>[@<step>],…&benchmark=…&intervals=1`), so a copied link reopens the same table.
 */
export function PaperTablePicker({ runs, benchmarks, entries, benchmark, showIntervals }: TProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const names = new Map(runs.map((r) => [r.id, r.name]));

  function go(next: { entries?: readonly TPaperTableEntry[]; benchmark?: string; showIntervals?: boolean }) {
    const params = new URLSearchParams();
    const list = next.entries ?? entries;
    if (list.length) params.set("runs", formatPaperTableRuns(list));
    params.set("benchmark", next.benchmark ?? benchmark);
    if (next.showIntervals ?? showIntervals) params.set("intervals", "1");
    startTransition(() => router.replace(`${pathname}?${params.toString()}`, { scroll: false }));
  }

  /** A run ticked after the runs measured against it goes first: it is their recorded baseline. */
  function toggle(run: TProps["runs"][number]) {
    if (entries.some((e) => e.runId === run.id)) return go({ entries: entries.filter((e) => e.runId !== run.id) });
    const isTheirBaseline = entries.some((e) => runs.find((r) => r.id === e.runId)?.baselineRunId === run.id);
    go({ entries: isTheirBaseline ? [{ runId: run.id }, ...entries] : [...entries, { runId: run.id }] });
  }

  function makeBaseline(key: string) {
    const chosen = entries.find((e) => formatPaperTableRuns([e]) === key);
    if (chosen) go({ entries: [chosen, ...entries.filter((e) => e !== chosen)] });
  }

  const isFull = entries.length >= PAPER_TABLE_MAX_RUNS;
  return (
    <aside aria-label="Table settings" className="flex flex-col gap-4 text-sm" data-state={isPending ? "loading" : "ready"}>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Benchmark</span>
        <select value={benchmark} onChange={(e) => go({ benchmark: e.target.value })} className={SELECT}>
          {benchmarks.length === 0 ? <option value="">no benchmark yet</option> : null}
          {benchmarks.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="flex min-w-0 flex-col gap-1">
        <legend className="mb-1 font-medium">
          Runs{" "}
          <span className="font-normal text-[var(--muted)]">
            ({entries.length} of at most {PAPER_TABLE_MAX_RUNS})
          </span>
        </legend>
        <ul className="max-h-80 overflow-x-hidden overflow-y-auto rounded border border-[var(--border)] p-1">
          {runs.map((run) => {
            const isChecked = entries.some((e) => e.runId === run.id);
            return (
              <li key={run.id}>
                <label className="flex min-w-0 items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-100 dark:hover:bg-slate-800" title={run.name}>
                  <input
                    type="checkbox"
                    checked={isChecked}
                    disabled={isFull && !isChecked}
                    onChange={() => toggle(run)}
                    className="h-4 w-4 shrink-0 accent-indigo-600"
                  />
                  <span className="min-w-0 truncate">{run.name}</span>
                  <span className="ml-auto shrink-0 text-xs text-[var(--muted)]">{run.method}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {entries.length > 1 ? (
        <label className="flex flex-col gap-1">
          <span className="font-medium">Baseline (first row)</span>
          <select value={formatPaperTableRuns(entries.slice(0, 1))} onChange={(e) => makeBaseline(e.target.value)} className={SELECT}>
            {entries.map((e) => {
              const key = formatPaperTableRuns([e]);
              return (
                <option key={key} value={key}>
                  {names.get(e.runId) ?? e.runId}
                  {e.step === undefined ? "" : ` @ ${e.step}`}
                </option>
              );
            })}
          </select>
        </label>
      ) : null}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={showIntervals} onChange={(e) => go({ showIntervals: e.target.checked })} className="h-4 w-4 accent-indigo-600" />
        Show 95% intervals
      </label>
      <p aria-live="polite" className="h-4 text-xs text-[var(--muted)]">
        {isPending ? "Updating the table…" : ""}
      </p>
    </aside>
  );
}
