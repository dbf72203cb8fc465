import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireRunAccess } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { displayPersonName, displayRunName, isAnonymized } from "@/lib/sharing/anonymize";

import { findRunHeader } from "./header-repository";
import type { TRunHeaderDTO } from "./header-types";

/**
 * A run's header for anyone who may read the run. For a share link the baseline appears only when the
 * link includes it, and an anonymized link gets no names and no tags (tags often carry them).
 */
export async function getRunHeader(actor: TActor, runId: string): Promise<TRunHeaderDTO> {
  const run = await findRunHeader(runId);
  if (!run) throw notFound("Run", runId);
  await requireRunAccess(actor, run, "viewer");
  const baseline = run.baselineRun && (actor.kind !== "share" || actor.runIds.includes(run.baselineRun.id)) ? run.baselineRun : null;
  return {
    id: run.id,
    name: displayRunName(actor, run),
    method: run.method,
    status: run.status,
    tags: isAnonymized(actor) ? [] : run.tags,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    createdBy: displayPersonName(actor, run.createdBy ? (run.createdBy.name ?? run.createdBy.email) : null),
    baseline: baseline ? { id: baseline.id, name: displayRunName(actor, baseline), step: run.baselineStep } : null,
    stats: run.stats,
  };
}
