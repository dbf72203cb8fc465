import "server-only";

import { getDb } from "@/lib/db/client";
import type { TSql } from "@/lib/db/sql";

export type TAuditRow = {
  projectId: string;
  action: string;
  actorKind: "user" | "apiKey" | "share" | "system";
  actorId: string | null;
  target: { kind: string; id: string; label: string | null } | null;
  details: Record<string, unknown>;
  address: string | null;
  userAgent: string | null;
};

/**
 * Writes one entry inside the caller's transaction. The actor's label is read in the same statement
 * (a person's e-mail, a key's prefix and name), so it stays what it was when a key is renamed or a
 * person leaves; so is a person's e-mail when the target is a person.
 */
export async function insertAuditEntry(tx: TSql, row: TAuditRow): Promise<void> {
  await tx.execute(
    `INSERT INTO audit_log (project_id, action, actor_kind, actor_id, actor_label, target_kind, target_id, target_label, details, address, user_agent)
     SELECT $1::uuid, $2, $3, $4::uuid,
            COALESCE(
              CASE $3 WHEN 'user' THEN (SELECT email FROM users WHERE id = $4::uuid)
                      WHEN 'apiKey' THEN (SELECT prefix || '… ' || name FROM api_keys WHERE id = $4::uuid)
                      WHEN 'share' THEN (SELECT 'share link ' || COALESCE(label, id::text) FROM share_links WHERE id = $4::uuid)
              END, $3),
            $5, $6, COALESCE($7, CASE $5 WHEN 'user' THEN (SELECT email FROM users WHERE id::text = $6) END), $8::jsonb, $9, $10`,
    [
      row.projectId,
      row.action,
      row.actorKind,
      row.actorId,
      row.target?.kind ?? null,
      row.target?.id ?? null,
      row.target?.label ?? null,
      JSON.stringify(row.details),
      row.address,
      row.userAgent,
    ],
  );
}

type TAuditDbRow = {
  id: string;
  at: Date | string;
  action: string;
  actor_kind: string;
  actor_id: string | null;
  actor_label: string;
  target_kind: string | null;
  target_id: string | null;
  target_label: string | null;
  details: Record<string, unknown> | string;
  address: string | null;
  user_agent: string | null;
};

/** Newest first, keyset-paged by id (`before`), optionally one action only. */
export async function listAuditEntries(projectId: string, options: { action?: string; before?: string; limit: number }) {
  const { sql } = await getDb();
  return sql.query<TAuditDbRow>(
    `SELECT id::text AS id, at, action, actor_kind, actor_id::text AS actor_id, actor_label, target_kind, target_id, target_label, details, address, user_agent
     FROM audit_log
     WHERE project_id = $1::uuid AND ($2::text IS NULL OR action = $2) AND ($3::bigint IS NULL OR id < $3::bigint)
     ORDER BY audit_log.id DESC
     LIMIT $4`,
    [projectId, options.action ?? null, options.before ?? null, options.limit],
  );
}
