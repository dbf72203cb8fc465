import "server-only";

import type { TRole } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import type { TSql } from "@/lib/db/sql";

export async function listMembers(projectId: string) {
  const { prisma } = await getDb();
  const rows = await prisma.membership.findMany({
    where: { projectId },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({ userId: row.user.id, email: row.user.email, name: row.user.name, role: row.role, joinedAt: row.createdAt }));
}

/**
 * Locks the project row for the rest of the transaction: membership changes of one project then run
 * one after another, so two owners demoting each other cannot leave a project without an owner.
 */
export async function lockProject(tx: TSql, projectId: string): Promise<boolean> {
  const rows = await tx.query(`SELECT id FROM projects WHERE id = $1::uuid FOR UPDATE`, [projectId]);
  return rows.length > 0;
}

export async function findMemberRole(tx: TSql, projectId: string, userId: string): Promise<TRole | null> {
  const [row] = await tx.query<{ role: TRole }>(`SELECT role::text AS role FROM memberships WHERE project_id = $1::uuid AND user_id = $2::uuid`, [
    projectId,
    userId,
  ]);
  return row?.role ?? null;
}

export async function countOwners(tx: TSql, projectId: string): Promise<number> {
  const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM memberships WHERE project_id = $1::uuid AND role = 'owner'`, [projectId]);
  return row?.n ?? 0;
}

export async function updateMemberRole(tx: TSql, projectId: string, userId: string, role: TRole): Promise<void> {
  await tx.execute(`UPDATE memberships SET role = $3::project_role WHERE project_id = $1::uuid AND user_id = $2::uuid`, [projectId, userId, role]);
}

export async function deleteMember(tx: TSql, projectId: string, userId: string): Promise<void> {
  await tx.execute(`DELETE FROM memberships WHERE project_id = $1::uuid AND user_id = $2::uuid`, [projectId, userId]);
}

/**
 * Adds a member; someone already in the project keeps their role unless the new one is higher.
 * project_role is declared owner, editor, viewer, so a higher role sorts lower.
 */
export async function upsertMemberKeepingHigherRole(tx: TSql, projectId: string, userId: string, role: TRole): Promise<void> {
  await tx.execute(
    `INSERT INTO memberships (project_id, user_id, role) VALUES ($1::uuid, $2::uuid, $3::project_role)
     ON CONFLICT (project_id, user_id) DO UPDATE SET role = EXCLUDED.role WHERE EXCLUDED.role < memberships.role`,
    [projectId, userId, role],
  );
}
