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

export async function insertInvite(data: { projectId: string; role: TRole; tokenHash: string; createdById: string; expiresAt: Date }) {
  const { prisma } = await getDb();
  return prisma.projectInvite.create({ data, select: inviteSelect });
}

/** Invites nobody has used or revoked, newest first; expired ones are listed so the owner sees why a link failed. */
export async function listOpenInvites(projectId: string, take: number) {
  const { prisma } = await getDb();
  return prisma.projectInvite.findMany({ where: { projectId, acceptedAt: null, revokedAt: null }, select: inviteSelect, orderBy: { createdAt: "desc" }, take });
}

export async function markInviteRevoked(projectId: string, id: string, at: Date): Promise<number> {
  const { prisma } = await getDb();
  const result = await prisma.projectInvite.updateMany({ where: { id, projectId, acceptedAt: null, revokedAt: null }, data: { revokedAt: at } });
  return result.count;
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
