import "server-only";

import { getDb } from "@/lib/db/client";
import type { TSql } from "@/lib/db/sql";
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

export async function insertShareLink(
  tx: TSql,
  data: {
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
  },
): Promise<{ id: string }> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO share_links (project_id, token_hash, scope, run_ids, sample_ids, view_state, anonymized, label, created_by_id, expires_at)
     VALUES ($1::uuid, $2, $3::share_scope, $4::uuid[], $5::bigint[], $6::jsonb, $7, $8, $9::uuid, $10)
     RETURNING id::text AS id`,
    [
      data.projectId,
      data.tokenHash,
      data.scope,
      data.runIds,
      data.sampleIds.map(String),
      JSON.stringify(data.viewState),
      data.anonymized,
      data.label,
      data.createdById,
      data.expiresAt,
    ],
  );
  return { id: row!.id };
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

export async function markShareLinkRevoked(tx: TSql, projectId: string, id: string): Promise<number> {
  return tx.execute(`UPDATE share_links SET revoked_at = now() WHERE id = $1::uuid AND project_id = $2::uuid AND revoked_at IS NULL`, [id, projectId]);
}

/** One more person opened the link (the token was exchanged for a cookie); answers how many have now. */
export async function recordShareLinkOpened(tx: TSql, id: string, at: Date): Promise<number> {
  const [row] = await tx.query<{ use_count: number }>(
    `UPDATE share_links SET use_count = use_count + 1, last_used_at = $2 WHERE id = $1::uuid RETURNING use_count`,
    [id, at],
  );
  return Number(row?.use_count ?? 0);
}

export async function touchShareLink(id: string, at: Date): Promise<void> {
  const { prisma } = await getDb();
  await prisma.shareLink.update({ where: { id }, data: { lastUsedAt: at }, select: { id: true } });
}
