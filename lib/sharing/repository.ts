import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

import type { TShareScope } from "./types";

const shareLinkSelect = {
  id: true,
  projectId: true,
  scope: true,
  runIds: true,
  sampleIds: true,
  viewState: true,
  anonymized: true,
  label: true,
  createdById: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  useCount: true,
  lastUsedAt: true,
} satisfies Prisma.ShareLinkSelect;

export type TShareLinkRow = Prisma.ShareLinkGetPayload<{ select: typeof shareLinkSelect }>;

export async function insertShareLink(data: {
  projectId: string;
  tokenHash: string;
  scope: TShareScope;
  runIds: string[];
  sampleIds: bigint[];
  viewState: { query?: string };
  anonymized: boolean;
  label: string | null;
  createdById: string;
  expiresAt: Date | null;
}) {
  const { prisma } = await getDb();
  return prisma.shareLink.create({ data, select: shareLinkSelect });
}

export async function findShareLinkByHash(tokenHash: string) {
  const { prisma } = await getDb();
  return prisma.shareLink.findUnique({ where: { tokenHash }, select: { ...shareLinkSelect, tokenHash: true } });
}

export async function findShareLinkById(id: string) {
  const { prisma } = await getDb();
  return prisma.shareLink.findUnique({ where: { id }, select: shareLinkSelect });
}

export async function listShareLinks(projectId: string, take: number) {
  const { prisma } = await getDb();
  return prisma.shareLink.findMany({
    where: { projectId },
    select: { ...shareLinkSelect, createdBy: { select: { name: true, email: true } } },
    orderBy: { createdAt: "desc" },
    take,
  });
}

export async function markShareLinkRevoked(projectId: string, id: string, at: Date): Promise<number> {
  const { prisma } = await getDb();
  const result = await prisma.shareLink.updateMany({ where: { id, projectId, revokedAt: null }, data: { revokedAt: at } });
  return result.count;
}

/** One more person opened the link (the token was exchanged for a cookie). */
export async function recordShareLinkOpened(id: string, at: Date): Promise<void> {
  const { prisma } = await getDb();
  await prisma.shareLink.update({ where: { id }, data: { useCount: { increment: 1 }, lastUsedAt: at }, select: { id: true } });
}

export async function touchShareLink(id: string, at: Date): Promise<void> {
  const { prisma } = await getDb();
  await prisma.shareLink.update({ where: { id }, data: { lastUsedAt: at }, select: { id: true } });
}
