import "server-only";

import { recordAudit } from "@/lib/audit/service";
import type { TActor, TRole } from "@/lib/auth/actor";
import { requireMemberRole } from "@/lib/auth/permissions";
import { generateSecret, hashSecret, secretsEqual } from "@/lib/auth/tokens";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

import { claimInvite, findInviteByHash, insertInvite, listOpenInvites, markInviteRevoked } from "./invite-repository";
import { upsertMemberKeepingHigherRole } from "./member-repository";
import type { TInviteDTO } from "./member-types";

const INVITE_PREFIX = "ugi_";
const DAY_MS = 24 * 60 * 60 * 1000;

const INVALID = "This invitation is not valid: it was already used, revoked, or it has expired. Ask for a new one.";

/** A one-time invitation link; the token is returned once and only its hash is kept. */
export async function createInvite(actor: TActor, projectId: string, input: { role: TRole; expiresInDays: number }) {
  const { userId } = await requireMemberRole(actor, projectId, "owner");
  const token = generateSecret(INVITE_PREFIX);
  const invite = await withTransaction(async (tx) => {
    const made = await insertInvite(tx, {
      projectId,
      role: input.role,
      tokenHash: hashSecret(token),
      createdById: userId,
      expiresAt: new Date(Date.now() + input.expiresInDays * DAY_MS),
    });
    await recordAudit(tx, actor, projectId, "invite.created", { kind: "invite", id: made.id }, { role: made.role, expiresAt: made.expiresAt.toISOString() });
    return made;
  });
  return { id: invite.id, token, role: invite.role, expiresAt: invite.expiresAt.toISOString() };
}

export async function getOpenInvites(actor: TActor, projectId: string): Promise<TInviteDTO[]> {
  await requireMemberRole(actor, projectId, "owner");
  const now = Date.now();
  return (await listOpenInvites(projectId, 100)).map((invite) => ({
    id: invite.id,
    role: invite.role,
    createdBy: invite.createdBy.name ?? invite.createdBy.email,
    createdAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
    isExpired: invite.expiresAt.getTime() <= now,
  }));
}

export async function revokeInvite(actor: TActor, projectId: string, inviteId: string) {
  await requireMemberRole(actor, projectId, "owner");
  await withTransaction(async (tx) => {
    const invite = await markInviteRevoked(tx, projectId, inviteId);
    if (!invite) throw new AppError("NOT_FOUND", "That invitation was not found, or it was already used or revoked.");
    await recordAudit(tx, actor, projectId, "invite.revoked", { kind: "invite", id: inviteId }, { role: invite.role });
  });
}

async function findUsableInvite(token: string) {
  if (!token.startsWith(INVITE_PREFIX) || token.length > 200) return null;
  const hash = hashSecret(token);
  const invite = await findInviteByHash(hash);
  if (!invite || !secretsEqual(invite.tokenHash, hash)) return null;
  if (invite.acceptedAt || invite.revokedAt || invite.expiresAt.getTime() <= Date.now()) return null;
  return invite;
}

/** What the invitation page shows to whoever holds the link: the project and the role on offer. */
export async function getInvitePreview(token: string) {
  const invite = await findUsableInvite(token);
  if (!invite) throw new AppError("NOT_FOUND", INVALID);
  return {
    projectName: invite.project.name,
    role: invite.role,
    invitedBy: invite.createdBy.name ?? invite.createdBy.email,
    expiresAt: invite.expiresAt.toISOString(),
  };
}

/** Joins the signed-in person to the project; the link is then spent. */
export async function acceptInvite(actor: TActor, token: string) {
  if (actor.kind !== "user") throw new AppError("UNAUTHORIZED", "Sign in to accept the invitation.");
  const invite = await findUsableInvite(token);
  if (!invite) throw new AppError("NOT_FOUND", INVALID);
  await withTransaction(async (tx) => {
    const claimed = await claimInvite(tx, invite.id, actor.userId);
    if (!claimed) throw new AppError("NOT_FOUND", INVALID);
    await upsertMemberKeepingHigherRole(tx, claimed.projectId, actor.userId, claimed.role);
    await recordAudit(tx, actor, claimed.projectId, "invite.accepted", { kind: "invite", id: invite.id }, { role: claimed.role });
    await recordAudit(tx, actor, claimed.projectId, "member.joined", { kind: "user", id: actor.userId }, { role: claimed.role, inviteId: invite.id });
  });
  return { slug: invite.project.slug };
}
