import "server-only";

import { isBigintId } from "@/lib/api/contracts/common";
import { recordAudit } from "@/lib/audit/service";
import type { TActor } from "@/lib/auth/actor";
import { requireMemberRole } from "@/lib/auth/permissions";
import { hashSecret, secretsEqual } from "@/lib/auth/tokens";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { isHttpsDeployment } from "@/lib/http/public-url";
import { findRunNamesInProject } from "@/lib/runs/header-repository";
import { findSampleCards } from "@/lib/samples/ref-repository";

import {
  findShareLinkByHash,
  findShareLinkById,
  insertShareLink,
  listShareLinks,
  markShareLinkRevoked,
  recordShareLinkOpened,
  touchShareLink,
  type TShareLinkRow,
} from "./repository";
import { createShareSecret, looksLikeShareToken, shareCookieName } from "./share-token";
import { SHARE_LIMITS, type TCreateShareLinkInput, type TShareLinkDTO, type TShareLinkStatus } from "./types";

export type TShareActor = Extract<TActor, { kind: "share" }>;

const DAY_MS = 24 * 60 * 60 * 1000;

function invalid(field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { field });
}

/** Turns the requested scope into the run and sample ids the link will grant, all checked to be in the project. */
async function resolveScope(projectId: string, input: TCreateShareLinkInput) {
  if (input.scope === "samples") {
    const ids = [...new Set(input.sampleIds)];
    if (ids.length === 0 || ids.length > SHARE_LIMITS.samples) throw invalid("sampleIds", `Pick between 1 and ${SHARE_LIMITS.samples} samples.`);
    if (!ids.every(isBigintId)) throw invalid("sampleIds", "Sample ids are whole numbers.");
    const samples = (await findSampleCards(ids.map((id) => BigInt(id)))).filter((s) => s.run.projectId === projectId);
    if (samples.length !== ids.length) throw invalid("sampleIds", "Some of these samples are not in this project.");
    return { runIds: [...new Set(samples.map((s) => s.runId))], sampleIds: samples.map((s) => s.id), viewState: {} };
  }
  const runIds = input.scope === "run" ? [input.runId] : [...new Set(input.runIds)];
  if (input.scope === "comparison" && (runIds.length < 2 || runIds.length > SHARE_LIMITS.comparisonRuns)) {
    throw invalid("runIds", `A comparison shares between 2 and ${SHARE_LIMITS.comparisonRuns} runs.`);
  }
  const found = await findRunNamesInProject(projectId, runIds);
  if (found.length !== runIds.length) throw invalid("runIds", "Some of these runs are not in this project.");
  return { runIds, sampleIds: [], viewState: input.scope === "comparison" ? { query: input.viewQuery } : {} };
}

/** Creates a read-only link (editors and owners); the token is returned once and only its hash is kept. */
export async function createShareLink(actor: TActor, projectId: string, input: TCreateShareLinkInput) {
  const { userId } = await requireMemberRole(actor, projectId, "editor");
  const now = Date.now();
  if (input.expiresAt && (input.expiresAt.getTime() <= now || input.expiresAt.getTime() > now + SHARE_LIMITS.maxExpiryDays * DAY_MS)) {
    throw invalid("expiresAt", `The expiry must be in the future and within ${SHARE_LIMITS.maxExpiryDays} days.`);
  }
  const scope = await resolveScope(projectId, input);
  const { token, tokenHash } = createShareSecret();
  const link = await withTransaction(async (tx) => {
    const made = await insertShareLink(tx, {
      projectId,
      tokenHash,
      scope: input.scope,
      ...scope,
      anonymized: input.anonymized,
      label: input.label,
      createdById: userId,
      expiresAt: input.expiresAt,
    });
    await recordAudit(
      tx,
      actor,
      projectId,
      "share_link.created",
      { kind: "shareLink", id: made.id, label: input.label },
      {
        scope: input.scope,
        runIds: scope.runIds,
        samples: scope.sampleIds.length,
        anonymized: input.anonymized,
        expiresAt: input.expiresAt?.toISOString() ?? null,
      },
    );
    return made;
  });
  return { id: link.id, token, path: `/share/${token}` };
}

function statusOf(link: { revokedAt: Date | null; expiresAt: Date | null }, now: number): TShareLinkStatus {
  if (link.revokedAt) return "revoked";
  if (link.expiresAt && link.expiresAt.getTime() <= now) return "expired";
  return "active";
}

/** Every link of the project with its scope, creator, expiry and use (editors and owners). */
export async function getShareLinks(actor: TActor, projectId: string): Promise<TShareLinkDTO[]> {
  const { userId } = await requireMemberRole(actor, projectId, "editor");
  const links = await listShareLinks(projectId, 200);
  const runs = await findRunNamesInProject(projectId, [...new Set(links.flatMap((link) => link.runIds))]);
  const runName = new Map(runs.map((run) => [run.id, run.name]));
  const now = Date.now();
  return links.map((link) => ({
    id: link.id,
    scope: link.scope,
    target: link.scope === "samples" ? `${link.sampleIds.length} samples` : link.runIds.map((id) => runName.get(id) ?? "deleted run").join(" vs "),
    label: link.label,
    anonymized: link.anonymized,
    createdBy: link.createdBy ? (link.createdBy.name ?? link.createdBy.email) : null,
    isMine: link.createdById === userId,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt?.toISOString() ?? null,
    revokedAt: link.revokedAt?.toISOString() ?? null,
    useCount: link.useCount,
    lastUsedAt: link.lastUsedAt?.toISOString() ?? null,
    status: statusOf(link, now),
  }));
}

/** Owners revoke any link, editors the ones they made. The link stops working on the next request. */
export async function revokeShareLink(actor: TActor, projectId: string, linkId: string) {
  const { userId, role } = await requireMemberRole(actor, projectId, "editor");
  const link = await findShareLinkById(linkId);
  if (!link || link.projectId !== projectId) throw new AppError("NOT_FOUND", "That share link was not found.");
  if (role !== "owner" && link.createdById !== userId) throw new AppError("FORBIDDEN", "Editors can revoke only the share links they created.");
  await withTransaction(async (tx) => {
    if ((await markShareLinkRevoked(tx, projectId, linkId)) === 0) throw new AppError("NOT_FOUND", "That share link was already revoked.");
    await recordAudit(tx, actor, projectId, "share_link.revoked", { kind: "shareLink", id: linkId, label: link.label }, { scope: link.scope });
  });
}

function toShareActor(link: TShareLinkRow): TShareActor {
  return {
    kind: "share",
    linkId: link.id,
    projectId: link.projectId,
    scope: link.scope,
    runIds: link.runIds,
    sampleIds: link.sampleIds.map(String),
    anonymized: link.anonymized,
  };
}

const LAST_USED_RESOLUTION_MS = 60_000;
const lastUsedWrites = new Map<string, number>();

/**
 * Resolves a share token to its read-only actor. Unknown, revoked and expired tokens are all a 401, so
 * a revoked link stops on the very next request. `isOpening` counts a new visitor (the token exchange).
 */
export async function authenticateShareToken(token: string, options: { isOpening?: boolean } = {}): Promise<TShareActor> {
  if (!looksLikeShareToken(token)) throw new AppError("UNAUTHORIZED", "The share link is not valid.");
  const hash = hashSecret(token);
  const link = await findShareLinkByHash(hash);
  if (!link || !secretsEqual(link.tokenHash, hash)) throw new AppError("UNAUTHORIZED", "The share link is not valid.");
  const status = statusOf(link, Date.now());
  if (status !== "active") throw new AppError("UNAUTHORIZED", status === "revoked" ? "The share link was revoked." : "The share link has expired.");
  const now = Date.now();
  if (options.isOpening) {
    lastUsedWrites.set(link.id, now);
    const actor = toShareActor(link);
    await withTransaction(async (tx) => {
      // The first opening is worth a line in the audit log (later ones are the link's use count).
      if ((await recordShareLinkOpened(tx, link.id, new Date(now))) === 1)
        await recordAudit(tx, actor, link.projectId, "share_link.first_used", { kind: "shareLink", id: link.id, label: link.label }, { scope: link.scope });
    });
  } else if (now - (lastUsedWrites.get(link.id) ?? 0) > LAST_USED_RESOLUTION_MS) {
    // Informational: written at most once a minute per link, never holding up the request.
    lastUsedWrites.set(link.id, now);
    void touchShareLink(link.id, new Date(now)).catch(() => undefined);
  }
  return toShareActor(link);
}

/**
 * The share actor of a browser that opened link `linkId` earlier (its token sits in the link's
 * http-only cookie); null when it holds no such cookie. Revoked and expired links throw like tokens.
 */
export async function authenticateShareCookie(linkId: string, readCookie: (name: string) => string | undefined): Promise<TShareActor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(linkId)) return null;
  const token = readCookie(shareCookieName(linkId, isHttpsDeployment()));
  if (!token) return null;
  const actor = await authenticateShareToken(token);
  return actor.linkId === linkId ? actor : null;
}
