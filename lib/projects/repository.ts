import "server-only";

import { getDb } from "@/lib/db/client";
import type { TSql } from "@/lib/db/sql";
import type { Prisma, ProjectRole } from "@/lib/db/generated/client";

const projectSelect = { id: true, slug: true, name: true, createdAt: true } satisfies Prisma.ProjectSelect;

export async function findProjectBySlug(slug: string) {
  const { prisma } = await getDb();
  return prisma.project.findUnique({ where: { slug }, select: projectSelect });
}

export async function findProjectById(id: string) {
  const { prisma } = await getDb();
  return prisma.project.findUnique({ where: { id }, select: projectSelect });
}

export async function findMembershipRole(projectId: string, userId: string): Promise<ProjectRole | null> {
  const { prisma } = await getDb();
  const row = await prisma.membership.findUnique({ where: { projectId_userId: { projectId, userId } }, select: { role: true } });
  return row?.role ?? null;
}

export async function listProjectsForUser(userId: string) {
  const { prisma } = await getDb();
  const rows = await prisma.membership.findMany({
    where: { userId },
    select: { role: true, project: { select: { ...projectSelect, _count: { select: { runs: true } } } } },
    orderBy: { project: { name: "asc" } },
  });
  return rows.map((row) => ({ ...row.project, runCount: row.project._count.runs, role: row.role }));
}

export async function insertProjectWithOwner(data: { slug: string; name: string; ownerId: string }) {
  const { prisma } = await getDb();
  return prisma.project.create({
    data: { slug: data.slug, name: data.name, memberships: { create: { userId: data.ownerId, role: "owner" } } },
    select: projectSelect,
  });
}

/** Deletes the project; its runs, samples, keys and links go with it (ON DELETE CASCADE). */
export async function deleteProjectById(tx: TSql, id: string): Promise<number> {
  return tx.execute(`DELETE FROM projects WHERE id = $1::uuid`, [id]);
}
