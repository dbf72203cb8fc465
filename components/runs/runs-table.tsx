import Link from "next/link";

import { LastData } from "@/components/dashboard/last-data";
import { Badge } from "@/components/ui/badge";
import { formatPercent } from "@/lib/dashboard/format";
import { formatDateTime } from "@/lib/ui/format";
import { runListHref, type TRunListQuery, type TRunSort } from "@/lib/runs/list-query";
import type { TRunLiveness } from "@/lib/runs/stalled";
import type { TLatestFigure, TRunRowDTO } from "@/lib/runs/types";

import { KeepSelectionLink, SelectRun } from "./selection";
import { RunStatusBadge } from "./run-status-badge";
import { Sparkline } from "./sparkline";

function SortHeader({ label, sort, base, query, title }: { label: string; sort: TRunSort; base: string; query: TRunListQuery; title?: string }) {
  const isActive = query.sort === sort;
  const dir = isActive && query.dir === "desc" ? "asc" : "desc";
  return (
    <th scope="col" className="px-2 py-2 font-medium" aria-sort={isActive ? (query.dir === "asc" ? "ascending" : "descending") : "none"} title={title}>
      <KeepSelectionLink href={runListHref(base, query, { sort, dir })} className="inline-flex items-center gap-1 hover:text-[var(--text)]">
        {label}
        <span aria-hidden>{isActive ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </KeepSelectionLink>
    </th>
  );
}

function Figure({ figure, label }: { figure: TLatestFigure; label: string }) {
  if (figure.value === null)
    return (
      <span className="text-[var(--muted)]" title={`${label}: not measured yet`}>
        —
      </span>
    );
  return (
    <span
      className="tabular-nums"
      title={`${label} at the latest checkpoint: ${formatPercent(figure.value)} over n = ${figure.n}${figure.lowN ? " (low n)" : ""}; intervals on the run page`}
    >
      <span className={figure.lowN ? "text-[var(--muted)]" : ""}>{formatPercent(figure.value)}</span>
      {figure.lowN ? <sup className="text-amber-600">†</sup> : null}
      <span className="ml-1 text-[10px] text-[var(--muted)]">n={figure.n}</span>
    </span>
  );
}

/** The runs of a project: one server-rendered page of a keyset-paged, filtered, sorted query. */
export function RunsTable({
  runs,
  slug,
  query,
  alerting,
  liveness,
  stalledAfterMinutes,
}: {
  runs: TRunRowDTO[];
  slug: string;
  query: TRunListQuery;
  alerting?: ReadonlySet<string>;
  /** Running runs' last data and heartbeat: their rows say "last data N s ago" and "stalled" when silent. */
  liveness?: ReadonlyMap<string, TRunLiveness>;
  stalledAfterMinutes?: number;
}) {
  const base = `/p/${slug}`;
  if (runs.length === 0)
    return (
      <p className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-6 text-sm text-[var(--muted)]">
        No runs match. Log one from training code with the project API key, or loosen the filters.
      </p>
    );
  return (
    <div className="overflow-x-auto rounded-lg border border-[var(--border)] bg-[var(--panel)]">
      <table className="w-full text-sm">
        <thead className="border-b border-[var(--border)] text-left text-xs uppercase tracking-wide text-[var(--muted)]">
          <tr>
            <th scope="col" className="w-8 px-2 py-2">
              <span className="sr-only">Select</span>
            </th>
            <SortHeader label="Run" sort="name" base={base} query={query} />
            <th scope="col" className="px-2 py-2 font-medium">
              Method
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Tags
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              Baseline
            </th>
            <SortHeader label="Gen" sort="gen" base={base} query={query} title="Generation score at the latest checkpoint (runs without one sort last)" />
            <SortHeader label="Und" sort="und" base={base} query={query} title="Understanding score at the latest checkpoint; 50% = no change" />
            <SortHeader label="Non" sort="non" base={base} query={query} title="Nonunified score at the latest checkpoint" />
            <th scope="col" className="px-2 py-2 font-medium">
              Non trend
            </th>
            <SortHeader label="Created" sort="created" base={base} query={query} />
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className="border-b border-[var(--border)] last:border-0 hover:bg-slate-50 dark:hover:bg-slate-900/40">
              <td className="px-2 py-2">
                <SelectRun runId={run.id} runName={run.name} />
              </td>
              <td className="max-w-64 px-2 py-2 font-medium">
                <Link
                  href={`${base}/runs/${run.id}`}
                  className="block truncate hover:text-indigo-600 hover:underline dark:hover:text-indigo-300"
                  title={run.name}
                >
                  {run.name}
                </Link>
                {alerting?.has(run.id) ? (
                  <Link href={`${base}/alerts?run=${run.id}`} title="This run has an open alert" data-alert-mark="">
                    <Badge tone="bad">alert</Badge>
                  </Link>
                ) : null}
                <span className="block text-xs font-normal text-[var(--muted)]">
                  {run.latestStep !== null ? `latest checkpoint: step ${run.latestStep}` : "no checkpoint evaluated"}
                </span>
              </td>
              <td className="px-2 py-2">{run.method}</td>
              <td className="px-2 py-2">
                <RunStatusBadge status={run.status} />
                {liveness?.has(run.id) && stalledAfterMinutes !== undefined ? (
                  <span className="block" data-run-liveness="">
                    <LastData run={liveness.get(run.id)!} stalledAfterMinutes={stalledAfterMinutes} />
                  </span>
                ) : null}
              </td>
              <td className="px-2 py-2">
                <span className="flex flex-wrap gap-1">
                  {run.tags.map((tag) => (
                    <Badge key={tag}>{tag}</Badge>
                  ))}
                </span>
              </td>
              <td className="max-w-40 truncate px-2 py-2 text-[var(--muted)]" title={run.baselineName ?? undefined}>
                {run.baselineName ?? "—"}
              </td>
              <td className="px-2 py-2">
                <Figure figure={run.gen} label="Gen" />
              </td>
              <td className="px-2 py-2">
                <Figure figure={run.und} label="Und" />
              </td>
              <td className="px-2 py-2">
                <Figure figure={run.non} label="Non" />
              </td>
              <td className="px-2 py-2">
                <Sparkline points={run.nonSeries} label={run.name} />
              </td>
              <td className="whitespace-nowrap px-2 py-2 tabular-nums text-[var(--muted)]" title={formatDateTime(run.createdAt)}>
                {run.createdAt.slice(0, 10)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
