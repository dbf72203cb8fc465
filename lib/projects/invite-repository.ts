import "server-only";

import type { TRole } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { TSql } from "@/lib/db/sql";

const inviteSelect = {
  id: true,
  projectId: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true, email: true } },
} satisfies Prisma.ProjectInviteSelect;

export async function insertInvite(
  tx: TSql,
  data: { projectId: string; role: TRole; tokenHash: string; createdById: string; expiresAt: Date },
): Promise<{ id: string; role: TRole; expiresAt: Date }> {
  const [row] = await tx.query<{ id: string; role: TRole; expires_at: Date | string }>(
    `INSERT INTO project_invites (project_id, role, token_hash, created_by_id, expires_at)
     VALUES ($1::uuid, $2::project_role, $3, $4::uuid, $5)
     RETURNING id::text AS id, role::text AS role, expires_at`,
    [data.projectId, data.role, data.tokenHash, data.createdById, data.expiresAt],
  );
  return { id: row!.id, role: row!.role, expiresAt: new Date(row!.expires_at) };
}

/** Invites nobody has used or revoked, newest first; expired ones are listed so the owner sees why a link failed. */
export async function listOpenInvites(projectId: string, take: number) {
  const { prisma } = await getDb();
  return prisma.projectInvite.findMany({ where: { projectId, acceptedAt: null, revokedAt: null }, select: inviteSelect, orderBy: { createdAt: "desc" }, take });
}

/** Revokes an open invite of the project; null when there is none (unknown, used or revoked already). */
export async function markInviteRevoked(tx: TSql, projectId: string, id: string): Promise<{ role: TRole } | null> {
  const [row] = await tx.query<{ role: TRole }>(
    `UPDATE project_invites SET revoked_at = now()
     WHERE id = $1::uuid AND project_id = $2::uuid AND accepted_at IS NULL AND revoked_at IS NULL
     RETURNING role::text AS role`,
    [id, projectId],
  );
  return row ?? null;
}

export async function findInviteByHash(tokenHash: string) {
  const { prisma } = await getDb();
  return prisma.projectInvite.findUnique({
    where: { tokenHash },
    select: { ...inviteSelect, tokenHash: true, project: { select: { slug: true, name: true } } },
  });
}

/** Uses an invite exactly once: only the first of two concurrent accepts gets the row back. */
export async function claimInvite(tx: TSql, id: string, userId: string): Promise<{ projectId: string; role: TRole } | null> {
  const [row] = await tx.query<{ project_id: string; role: TRole }>(
    `UPDATE project_invites SET accepted_at = now(), accepted_by_id = $2::uuid
     WHERE id = $1::uuid AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
     RETURNING project_id, role::text AS role`,
    [id, userId],
  );
  return row ? { projectId: row.project_id, role: row.role } : null;
}
