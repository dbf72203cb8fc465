import "server-only";

import type { TProjectChanges, TProjectChangesQuery, TRunChanges } from "@/lib/api/contracts/live";
import type { TActor } from "@/lib/auth/actor";
import { requireProjectRole, requireRunAccess } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { getProjectForActor } from "@/lib/projects/service";

import { findProjectActivity, findRunActivity, findRunningRunsLiveness } from "./live-repository";
import { isRunStalled, parseStalledMinutes, type TRunLiveness } from "./stalled";

/** Minutes without data or heartbeat after which a running run is shown as stalled. */
export function stalledAfterMinutes(): number {
  return parseStalledMinutes(process.env.UNIGAP_STALLED_MINUTES);
}

/**
 * Whether anything a page shows of the run changed since `since` (a version this gave out before), with
 * its liveness. One primary-key join (the run with its activity row; a member's role is one more lookup): cheap enough to
 * be polled by every open page. Share links in whose scope the run is may ask too.
 */
export async function getRunChanges(actor: TActor, runId: string, since?: string): Promise<TRunChanges> {
  const run = await findRunActivity(runId);
  if (!run) throw notFound("Run", runId);
  await requireRunAccess(actor, run, "viewer");
  const version = run.version;
  const liveness = {
    status: run.status,
    lastDataAt: run.lastDataAt?.toISOString() ?? null,
    heartbeatAt: run.heartbeatAt?.toISOString() ?? null,
    createdAt: run.createdAt.toISOString(),
  };
  const minutes = stalledAfterMinutes();
  return {
    version,
    changed: since !== version,
    status: liveness.status,
    lastDataAt: liveness.lastDataAt,
    heartbeatAt: liveness.heartbeatAt,
    stalled: isRunStalled(liveness, Date.now(), minutes),
    stalledAfterMinutes: minutes,
  };
}

/** The runs table's (or, with `runs`, the compare view's) question: did any run of the project change? */
export async function getProjectChanges(actor: TActor, slug: string, query: TProjectChangesQuery): Promise<TProjectChanges> {
  const project = await getProjectForActor(actor, slug);
  const { sum, runs } = await findProjectActivity(project.id, query.runs ?? null);
  const version = `${sum}.${runs}`;
  return { version, changed: query.since !== version };
}

/** The runs table's "last data N s ago" / stalled marks: liveness of the listed runs that are running (project viewers). */
export async function listRunningRunsLiveness(actor: TActor, projectId: string, runIds: readonly string[]): Promise<Map<string, TRunLiveness>> {
  await requireProjectRole(actor, projectId, "viewer");
  const rows = await findRunningRunsLiveness(projectId, runIds);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        status: "running",
        lastDataAt: r.lastDataAt?.toISOString() ?? null,
        heartbeatAt: r.heartbeatAt?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      },
    ]),
  );
}
