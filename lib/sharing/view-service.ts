import "server-only";

import { requireSampleAccess } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { findProjectById } from "@/lib/projects/repository";
import { getRunHeader } from "@/lib/runs/header-service";
import { findSampleCards } from "@/lib/samples/ref-repository";

import { displayProjectName, displayRunName, isAnonymized } from "./anonymize";
import { findShareLinkById } from "./repository";
import type { TShareActor } from "./service";
import type { TSharedSampleDTO, TSharedView } from "./view-types";

/**
 * Everything a shared page shows, loaded through the same authorization as any other caller: each run
 * through requireRunAccess (via getRunHeader), each sample through requireSampleAccess.
 */
export async function getSharedView(actor: TShareActor): Promise<TSharedView> {
  const [link, project] = await Promise.all([findShareLinkById(actor.linkId), findProjectById(actor.projectId)]);
  if (!link || !project) throw new AppError("NOT_FOUND", "The shared page was not found.");
  const runs = actor.scope === "samples" ? [] : await Promise.all(actor.runIds.map((runId) => getRunHeader(actor, runId)));
  const viewState = link.viewState as { query?: unknown };
  return {
    linkId: link.id,
    scope: link.scope,
    anonymized: link.anonymized,
    label: isAnonymized(actor) ? null : link.label,
    projectName: displayProjectName(actor, project.name),
    expiresAt: link.expiresAt?.toISOString() ?? null,
    runs,
    viewQuery: actor.scope === "comparison" && typeof viewState.query === "string" ? viewState.query : null,
    samples: actor.scope === "samples" ? await getSharedSamples(actor) : [],
  };
}

async function getSharedSamples(actor: TShareActor): Promise<TSharedSampleDTO[]> {
  const rows = await findSampleCards(actor.sampleIds.map((id) => BigInt(id)));
  const samples: TSharedSampleDTO[] = [];
  for (const row of rows) {
    await requireSampleAccess(actor, { id: String(row.id), runId: row.runId, projectId: row.run.projectId }, "viewer");
    samples.push({
      id: String(row.id),
      runId: row.runId,
      runName: displayRunName(actor, { id: row.runId, name: row.run.name }),
      step: row.step,
      candidate: row.candidate,
      role: row.role,
      benchmark: row.benchmark,
      subtask: row.subtask,
      prompt: row.prompt.text,
      hasImage: row.blobSha256 !== null,
      judgments: row.judgments.map((j) => ({
        kind: j.kind,
        judge: isAnonymized(actor) && j.kind === "human" ? "human" : j.judge,
        judgeStep: j.judgeStep,
        verdict: j.verdict,
      })),
    });
  }
  return samples;
}
