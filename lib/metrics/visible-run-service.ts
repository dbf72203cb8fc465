import "server-only";

import { isUuid } from "@/lib/api/contracts/common";
import type { TActor } from "@/lib/auth/actor";
import { requireRunAccess } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

import { findRunForSummary, type TSummaryRun } from "./run-context-repository";

/**
 * The one way the metric services load a run: by id, readable by the actor (a member of its
 * project, or a share link naming it), else the same 404 as a run that does not exist.
 */
export async function loadVisibleRun(actor: TActor, runId: string): Promise<TSummaryRun> {
  const run = isUuid(runId) ? await findRunForSummary(runId) : null;
  if (!run) throw notFound("Run", runId);
  await requireRunAccess(actor, run, "viewer");
  return run;
}
