import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

const sampleCardSelect = {
  id: true,
  runId: true,
  step: true,
  candidate: true,
  role: true,
  subtask: true,
  benchmark: true,
  blobSha256: true,
  run: { select: { projectId: true, name: true } },
  prompt: { select: { text: true } },
  judgments: { select: { kind: true, judge: true, judgeStep: true, verdict: true }, orderBy: [{ kind: "asc" }, { judgeStep: "asc" }], take: 20 },
} satisfies Prisma.SampleSelect;

/** Samples by id with their run's project: enough to authorize each one and show it as a card. */
export async function findSampleCards(ids: bigint[]) {
  const { prisma } = await getDb();
  return prisma.sample.findMany({ where: { id: { in: ids } }, select: sampleCardSelect, orderBy: { id: "asc" } });
}
