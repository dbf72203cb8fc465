import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

const runListSelect = {
  id: true,
  projectId: true,
  name: true,
  method: true,
  tags: true,
  status: true,
  baselineRunId: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.RunSelect;

export async function findRunsForProject(projectId: string, options: { take: number }) {
  const { prisma } = await getDb();
  return prisma.run.findMany({ where: { projectId }, select: runListSelect, orderBy: { createdAt: "desc" }, take: options.take });
}

export async function countRunsForProject(projectId: string): Promise<number> {
  const { prisma } = await getDb();
  return prisma.run.count({ where: { projectId } });
}

export async function findRunsByIds(ids: readonly string[]) {
  const { prisma } = await getDb();
  return prisma.run.findMany({ where: { id: { in: [...ids] } }, select: { id: true, projectId: true, name: true } });
}

export async function findRunDetail(runId: string) {
  const { prisma } = await getDb();
  return prisma.run.findUnique({
    where: { id: runId },
    select: {
      ...runListSelect,
      config: true,
      notes: true,
      baselineStep: true,
      heartbeatAt: true,
      finishedAt: true,
      baselineRun: { select: { id: true, name: true } },
    },
  });
}
