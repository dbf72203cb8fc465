import "server-only";

import { getDb } from "@/lib/db/client";
import type { TApiKeyScope } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/client";

const apiKeySelect = {
  id: true,
  projectId: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  scope: true,
} satisfies Prisma.ApiKeySelect;

export async function insertApiKey(data: {
  projectId: string;
  name: string;
  prefix: string;
  keyHash: string;
  createdById: string | null;
  scope: TApiKeyScope;
}) {
  const { prisma } = await getDb();
  return prisma.apiKey.create({ data, select: apiKeySelect });
}

export async function findApiKeyByHash(keyHash: string) {
  const { prisma } = await getDb();
  return prisma.apiKey.findUnique({ where: { keyHash }, select: { ...apiKeySelect, keyHash: true } });
}

export async function listApiKeys(projectId: string) {
  const { prisma } = await getDb();
  return prisma.apiKey.findMany({ where: { projectId }, select: apiKeySelect, orderBy: { createdAt: "desc" } });
}

export async function markApiKeyUsed(id: string, at: Date) {
  const { prisma } = await getDb();
  await prisma.apiKey.update({ where: { id }, data: { lastUsedAt: at }, select: { id: true } });
}

export async function markApiKeyRevoked(projectId: string, id: string, at: Date) {
  const { prisma } = await getDb();
  const result = await prisma.apiKey.updateMany({ where: { id, projectId, revokedAt: null }, data: { revokedAt: at } });
  return result.count;
}
