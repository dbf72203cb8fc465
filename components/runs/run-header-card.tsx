import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import type { TRunHeaderDTO } from "@/lib/runs/header-types";
import { formatPercent } from "@/lib/dashboard/format";
import { formatDateTime } from "@/lib/ui/format";

import { RunStatusBadge } from "./run-status-badge";

/** The top of a run: identity, status, baseline and the latest checkpoint's three headline rates. */
export function RunHeaderCard({ run }: { run: TRunHeaderDTO }) {
  const stats = run.stats;
  return (
    <Card>
      <CardBody className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="text-lg font-semibold tracking-tight">{run.name}</h2>
          <RunStatusBadge status={run.status} />
          <Badge>{run.method}</Badge>
          {run.tags.map((tag) => (
            <Badge key={tag}>{tag}</Badge>
          ))}
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-xs text-[var(--muted)]">Created</dt>
            <dd className="whitespace-nowrap tabular-nums">{formatDateTime(run.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-xs text-[var(--muted)]">Finished</dt>
            <dd className="whitespace-nowrap tabular-nums">{formatDateTime(run.finishedAt)}</dd>
          </div>
          <div>
            <dt className="text-xs text-[var(--muted)]">By</dt>
            <dd>{run.createdBy ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-[var(--muted)]">Baseline</dt>
            <dd>{run.baseline ? `${run.baseline.name}${run.baseline.step !== null ? ` @ step ${run.baseline.step}` : ""}` : "—"}</dd>
          </div>
        </dl>
        {stats ? (
          <dl className="grid grid-cols-3 gap-3 border-t border-[var(--border)] pt-3 text-sm" aria-label={`Latest checkpoint, step ${stats.latestStep ?? "?"}`}>
            {(
              [
                ["Generation", stats.gen, stats.genN],
                ["Understanding", stats.und, stats.undN],
                ["Nonunified", stats.non, stats.nonN],
              ] as const
            ).map(([label, value, n]) => (
              <div key={label}>
                <dt className="text-xs text-[var(--muted)]">{label}</dt>
                <dd className="text-base font-semibold tabular-nums">
                  {formatPercent(value)} <span className="text-xs font-normal text-[var(--muted)]">n={n}</span>
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="border-t border-[var(--border)] pt-3 text-sm text-[var(--muted)]">No metrics computed for this run yet.</p>
        )}
      </CardBody>
    </Card>
  );
}
