import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireRunAccess } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { displayPersonName, displayRunName, isAnonymized } from "@/lib/sharing/anonymize";

import { findRunHeader } from "./header-repository";
import { CONFIG_DISPLAY_LIMIT, type TRunHeaderDTO } from "./header-types";

/**
 * A run's header for anyone who may read the run: the run page, the compare view and share links all
 * read it here. `projectId` (a project page's URL) must own the run, else it is the same 404 as a
 * missing run. For a share link the baseline appears only when the link includes it, and an anonymized
 * link gets no names, tags, notes or config (they often carry names).
 */
export async function getRunHeader(actor: TActor, runId: string, projectId?: string): Promise<TRunHeaderDTO> {
  const run = await findRunHeader(runId);
  if (!run || (projectId !== undefined && run.projectId !== projectId)) throw notFound("Run", runId);
  await requireRunAccess(actor, run, "viewer");
  const baseline = run.baselineRun && (actor.kind !== "share" || actor.runIds.includes(run.baselineRun.id)) ? run.baselineRun : null;
  const anonymized = isAnonymized(actor);
  const config = anonymized ? null : JSON.stringify(run.config, null, 2);
  return {
    id: run.id,
    name: displayRunName(actor, run),
    method: run.method,
    status: run.status,
    tags: anonymized ? [] : run.tags,
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
    heartbeatAt: run.heartbeatAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    createdBy: displayPersonName(actor, run.createdBy ? (run.createdBy.name ?? run.createdBy.email) : null),
    baseline: baseline ? { id: baseline.id, name: displayRunName(actor, baseline), step: run.baselineStep } : null,
    baselineHidden: run.baselineRun !== null && baseline === null,
    stats: run.stats,
    notes: anonymized ? "" : run.notes,
    configJson: config === null ? null : config.slice(0, CONFIG_DISPLAY_LIMIT),
    configTruncated: config !== null && config.length > CONFIG_DISPLAY_LIMIT,
  };
}
