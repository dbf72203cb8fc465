import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

const runHeaderSelect = {
  id: true,
  projectId: true,
  name: true,
  method: true,
  status: true,
  tags: true,
  notes: true,
  config: true,
  createdAt: true,
  updatedAt: true,
  heartbeatAt: true,
  finishedAt: true,
  baselineStep: true,
  createdBy: { select: { name: true, email: true } },
  baselineRun: { select: { id: true, name: true } },
  stats: { select: { latestStep: true, gen: true, genN: true, und: true, undN: true, non: true, nonN: true } },
} satisfies Prisma.RunSelect;

export async function findRunHeader(runId: string) {
  const { prisma } = await getDb();
  return prisma.run.findUnique({ where: { id: runId }, select: runHeaderSelect });
}

/** Id and name of the runs among `runIds` that belong to the project (to validate a share scope). */
export async function findRunNamesInProject(projectId: string, runIds: string[]) {
  const { prisma } = await getDb();
  return prisma.run.findMany({ where: { projectId, id: { in: runIds } }, select: { id: true, name: true } });
}
