import Link from "next/link";

import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { Badge } from "@/components/ui/badge";
import type { TRunChanges } from "@/lib/api/contracts/live";
import type { TRunDetailDTO } from "@/lib/runs/types";
import { formatDateTime } from "@/lib/ui/format";

import { LastData } from "./last-data";
import { LiveUpdates } from "./live-updates";
import { ShareViewLink } from "./share-view-link";

/** `live`: the run's version and liveness, read before the rest of the page (the live poll starts from it). */
export function RunHeader({ run, slug, live }: { run: TRunDetailDTO; slug: string; live: TRunChanges }) {
  return (
    <section className="mb-6 rounded-lg border border-[var(--border)] bg-[var(--panel)] p-4" aria-label="Run">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="mr-2 text-xl font-semibold tracking-tight">{run.name}</h1>
        <RunStatusBadge status={run.status} />
        <Badge tone="info">{run.method}</Badge>
        {run.tags.map((tag) => (
          <Badge key={tag}>{tag}</Badge>
        ))}
        <LiveUpdates sources={[{ url: `/api/v1/runs/${run.id}/changes`, version: live.version }]} active={run.status === "running"} />
        {run.status === "running" ? (
          <LastData
            run={{ status: run.status, lastDataAt: live.lastDataAt, heartbeatAt: run.heartbeatAt, createdAt: run.createdAt }}
            stalledAfterMinutes={live.stalledAfterMinutes}
          />
        ) : null}
        <nav aria-label="Samples of this run" className="ml-auto flex items-center gap-3 text-sm">
          <Link href={`/p/${slug}/samples?run=${run.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
            Samples
          </Link>
          <Link href={`/p/${slug}/samples?run=${run.id}&class=contradiction`} className="text-indigo-700 hover:underline dark:text-indigo-300">
            Self-contradictions
          </Link>
          <Link href={`/p/${slug}/datasets?run=${run.id}#build`} className="text-indigo-700 hover:underline dark:text-indigo-300">
            Build a dataset
          </Link>
          <ShareViewLink slug={slug} runIds={[run.id]} />
        </nav>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-[var(--muted)]">baseline</dt>
          <dd>
            {run.baseline ? (
              <Link href={`/p/${slug}/runs/${run.baseline.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                {run.baseline.name}
                {run.baseline.step !== null ? ` @ step ${run.baseline.step}` : ""}
              </Link>
            ) : (
              <span className="text-[var(--muted)]">none (this run is a baseline)</span>
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
      </dl>
      {run.notes ? <p className="mt-3 max-w-4xl whitespace-pre-wrap text-sm">{run.notes}</p> : null}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-[var(--muted)] hover:text-[var(--text)]">config</summary>
        <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-50 p-3 text-xs dark:bg-slate-900">{run.configJson}</pre>
        {run.configTruncated ? <p className="text-xs text-amber-700">The config is longer than shown.</p> : null}
      </details>
    </section>
  );
}
