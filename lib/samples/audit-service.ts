import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireMemberRole, requireProjectRole, requireSampleAccess } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { getRunHeader } from "@/lib/runs/header-service";

import { estimateSelfPrecision } from "./audit-estimate";
import { drawAuditSample, findAuditItems, findAuditSession, insertAuditSession, upsertHumanLabel } from "./audit-repository";
import { findSampleRef } from "./detail-repository";
import type { TSampleRole } from "./explorer-query";
import { sampleImageUrls } from "./image-urls";
import type { TAuditSessionDTO, TVerdict } from "./types";

const verdict = (v: number | null): TVerdict => (v === 0 || v === 1 ? v : null);

/**
 * A reviewer's label on one sample: editors and owners of its project, signed in (a label names a
 * person). Stored as the human judgment `human:<userId>`; labelling again replaces it.
 */
export async function labelSample(actor: TActor, input: { sampleId: string; verdict: 0 | 1; note?: string | null }): Promise<void> {
  const ref = await findSampleRef(input.sampleId);
  if (!ref) throw notFound("Sample", input.sampleId);
  await requireSampleAccess(actor, { id: ref.id, runId: ref.run_id, projectId: ref.project_id }, "editor");
  const { userId } = await requireMemberRole(actor, ref.project_id, "editor");
  await upsertHumanLabel({ sampleId: ref.id, userId, verdict: input.verdict, note: input.note?.trim() || null });
}

/**
 * Draws a seeded random sample of a run (optionally one checkpoint and one role, e.g. the SFT-chosen
 * images of a round) for a reviewer to walk through. The seed is stored, so the draw can be repeated.
 */
export async function createAuditSession(
  actor: TActor,
  projectId: string,
  input: { runId: string; step?: number | null; role?: TSampleRole | null; size: number; seed?: number | null },
): Promise<{ id: string }> {
  const { userId } = await requireMemberRole(actor, projectId, "editor");
  await getRunHeader(actor, input.runId, projectId);
  const seed = input.seed ?? Date.now() % 2_147_483_647;
  const sampleIds = await drawAuditSample({ runId: input.runId, step: input.step ?? null, role: input.role ?? null, size: input.size, seed });
  if (sampleIds.length === 0)
    throw new AppError("INVALID_INPUT", "No sample of this run matches the checkpoint and role: nothing to audit.", { field: "form" });
  const id = await insertAuditSession({ projectId, runId: input.runId, step: input.step ?? null, role: input.role ?? null, seed, sampleIds, userId });
  return { id };
}

/** An audit session with this reviewer's labels so far and the self-judge's estimated precision. */
export async function getAuditSession(actor: TActor, projectId: string, sessionId: string): Promise<TAuditSessionDTO> {
  await requireProjectRole(actor, projectId, "viewer");
  const session = /^[0-9a-f-]{36}$/i.test(sessionId) ? await findAuditSession(sessionId) : null;
  if (!session || session.project_id !== projectId) throw notFound("Audit session", sessionId);
  const userId = actor.kind === "user" ? actor.userId : "";
  const rows = await findAuditItems(session.sample_ids, userId);
  const items = rows.map((r) => ({
    id: r.id,
    step: r.step,
    prompt: r.prompt,
    subtask: r.subtask,
    role: r.role,
    image: sampleImageUrls(r.id, r.blob_sha256),
    self: verdict(r.self_verdict),
    external: verdict(r.ext_verdict),
    label: verdict(r.label),
    note: r.note,
  }));
  return {
    id: session.id,
    runId: session.run_id,
    runName: session.run_name,
    step: session.step,
    role: session.role,
    seed: session.seed,
    createdAt: session.created_iso,
    items,
    labeled: items.filter((i) => i.label !== null).length,
    precision: estimateSelfPrecision(items),
  };
}
