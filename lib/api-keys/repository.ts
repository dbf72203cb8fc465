import "server-only";

import { getDb } from "@/lib/db/client";
import type { TApiKeyScope } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/client";
import type { TSql } from "@/lib/db/sql";

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

export async function insertApiKey(
  tx: TSql,
  data: { projectId: string; name: string; prefix: string; keyHash: string; createdById: string | null; scope: TApiKeyScope },
): Promise<{ id: string; projectId: string; name: string; prefix: string; scope: TApiKeyScope }> {
  const [row] = await tx.query<{ id: string; project_id: string; name: string; prefix: string; scope: TApiKeyScope }>(
    `INSERT INTO api_keys (project_id, name, prefix, key_hash, created_by_id, scope)
     VALUES ($1::uuid, $2, $3, $4, $5::uuid, $6::"ApiKeyScope")
     RETURNING id::text AS id, project_id::text AS project_id, name, prefix, scope::text AS scope`,
    [data.projectId, data.name, data.prefix, data.keyHash, data.createdById, data.scope],
  );
  return { id: row!.id, projectId: row!.project_id, name: row!.name, prefix: row!.prefix, scope: row!.scope };
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

/** Revokes a live key of the project; null when there is none (unknown, another project's, revoked already). */
export async function markApiKeyRevoked(tx: TSql, projectId: string, id: string): Promise<{ name: string; prefix: string; scope: string } | null> {
  const [row] = await tx.query<{ name: string; prefix: string; scope: string }>(
    `UPDATE api_keys SET revoked_at = now() WHERE id = $1::uuid AND project_id = $2::uuid AND revoked_at IS NULL RETURNING name, prefix, scope::text AS scope`,
    [id, projectId],
  );
  return row ?? null;
}
