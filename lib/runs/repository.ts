import "server-only";

import { getDb } from "@/lib/db/client";

export async function findRunsByIds(ids: readonly string[]) {
  const { prisma } = await getDb();
  return prisma.run.findMany({ where: { id: { in: [...ids] } }, select: { id: true, projectId: true, name: true } });
}
