import Link from "next/link";

import { LastData } from "@/components/dashboard/last-data";
import { LiveUpdates } from "@/components/dashboard/live-updates";
import { ShareViewLink } from "@/components/dashboard/share-view-link";
import { Badge } from "@/components/ui/badge";
import type { TRunChanges } from "@/lib/api/contracts/live";
import { formatPercent } from "@/lib/dashboard/format";
import type { TRunHeaderDTO } from "@/lib/runs/header-types";
import { formatDateTime } from "@/lib/ui/format";

import { RunStatusBadge } from "./run-status-badge";

const LINK = "text-indigo-700 hover:underline dark:text-indigo-300";

/**
 * The top of a run, the same on a project's run page, a shared run and a shared comparison: identity,
 * status, liveness, dates, baseline, the latest checkpoint's three headline rates with their n, notes
 * and config. The pages differ only in links: `slug` (a project page) adds the run's sample, dataset
 * and share links and links the baseline; a share link gets plain text. `live` (the run's version and
 * liveness, read before the rest of the page) starts the live poll and the "last data" mark.
 */
export function RunHeader({ run, slug, live, level = 1 }: { run: TRunHeaderDTO; slug: string | null; live?: TRunChanges; level?: 1 | 2 }) {
  const Heading = level === 1 ? "h1" : "h2";
  const baselineText = run.baseline ? `${run.baseline.name}${run.baseline.step !== null ? ` @ step ${run.baseline.step}` : ""}` : null;
  return (
    <section className="rounded-lg border border-[var(--border)] bg-[var(--panel)] p-4" aria-label={`Run ${run.name}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Heading className="mr-2 text-xl font-semibold tracking-tight">{run.name}</Heading>
        <RunStatusBadge status={run.status} />
        <Badge tone="info">{run.method}</Badge>
        {run.tags.map((tag) => (
          <Badge key={tag}>{tag}</Badge>
        ))}
        {live ? (
          <>
            <LiveUpdates sources={[{ url: `/api/v1/runs/${run.id}/changes`, version: live.version }]} active={run.status === "running"} />
            {run.status === "running" ? (
              <LastData
                run={{ status: run.status, lastDataAt: live.lastDataAt, heartbeatAt: run.heartbeatAt, createdAt: run.createdAt }}
                stalledAfterMinutes={live.stalledAfterMinutes}
              />
            ) : null}
          </>
        ) : null}
        {slug ? (
          <nav aria-label="Samples of this run" className="ml-auto flex items-center gap-3 text-sm">
            <Link href={`/p/${slug}/samples?run=${run.id}`} className={LINK}>
              Samples
            </Link>
            <Link href={`/p/${slug}/samples?run=${run.id}&class=contradiction`} className={LINK}>
              Self-contradictions
            </Link>
            <Link href={`/p/${slug}/datasets?run=${run.id}#build`} className={LINK}>
              Build a dataset
            </Link>
            <ShareViewLink slug={slug} runIds={[run.id]} />
          </nav>
        ) : null}
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-5">
        <div>
          <dt className="text-xs text-[var(--muted)]">baseline</dt>
          <dd>
            {run.baseline && slug ? (
              <Link href={`/p/${slug}/runs/${run.baseline.id}`} className={LINK}>
                {baselineText}
              </Link>
            ) : (
              (baselineText ?? (
                <span className="text-[var(--muted)]">{run.baselineHidden ? "a run this link does not include" : "none (this run is a baseline)"}</span>
              ))
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-[var(--muted)]">created</dt>
          <dd className="tabular-nums">{formatDateTime(run.createdAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-[var(--muted)]">{run.status === "running" ? "last heartbeat" : "finished"}</dt>
          <dd className="tabular-nums">{formatDateTime(run.status === "running" ? run.heartbeatAt : run.finishedAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-[var(--muted)]">updated</dt>
          <dd className="tabular-nums">{formatDateTime(run.updatedAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-[var(--muted)]">by</dt>
          <dd>{run.createdBy ?? "—"}</dd>
        </div>
      </dl>
      <HeadlineRates stats={run.stats} />
      {run.notes ? <p className="mt-3 max-w-4xl whitespace-pre-wrap text-sm">{run.notes}</p> : null}
      {run.configJson !== null ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-[var(--muted)] hover:text-[var(--text)]">config</summary>
          <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-50 p-3 text-xs dark:bg-slate-900">{run.configJson}</pre>
          {run.configTruncated ? <p className="text-xs text-amber-700">The config is longer than shown.</p> : null}
        </details>
      ) : null}
    </section>
  );
}

/** The latest checkpoint's Gen / Und / Non from run_stats, each with its n (intervals are in the panels below). */
function HeadlineRates({ stats }: { stats: TRunHeaderDTO["stats"] }) {
  if (!stats) return <p className="mt-3 border-t border-[var(--border)] pt-3 text-sm text-[var(--muted)]">No metrics computed for this run yet.</p>;
  const rates = [
    ["Generation", stats.gen, stats.genN],
    ["Understanding", stats.und, stats.undN],
    ["Nonunified", stats.non, stats.nonN],
  ] as const;
  return (
    <dl className="mt-3 grid grid-cols-3 gap-3 border-t border-[var(--border)] pt-3 text-sm" aria-label={`Latest checkpoint, step ${stats.latestStep ?? "?"}`}>
      {rates.map(([label, value, n]) => (
        <div key={label}>
          <dt className="text-xs text-[var(--muted)]">
            {label} <span className="text-[var(--muted)]">@ step {stats.latestStep ?? "?"}</span>
          </dt>
          <dd className="text-base font-semibold tabular-nums">
            {formatPercent(value)} <span className="text-xs font-normal text-[var(--muted)]">n={n}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
