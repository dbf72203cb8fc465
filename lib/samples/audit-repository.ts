import "server-only";

import { getDb } from "@/lib/db/client";

import type { TSampleRole } from "./explorer-query";

// Human labels and audit sessions. A label is a judgment of kind human by judge `human:<userId>` at
// judge_step -1, so the (sample, kind, judge, judge_step) key makes a relabel replace the reviewer's
// own label and leaves other reviewers' alone. The note goes into `reason`.

export async function upsertHumanLabel(input: { sampleId: string; userId: string; verdict: 0 | 1; note: string | null }): Promise<void> {
  const { sql } = await getDb();
  await sql.execute(
    `INSERT INTO judgments (sample_id, run_id, step, subtask, kind, judge, judge_step, verdict, reason, annotator_id)
     SELECT s.id, s.run_id, s.step, s.subtask, 'human', $2, -1, $3::smallint, $4, $5::uuid FROM samples s WHERE s.id = $1::bigint
     ON CONFLICT (sample_id, kind, judge, judge_step) DO UPDATE SET verdict = EXCLUDED.verdict, reason = EXCLUDED.reason, annotator_id = EXCLUDED.annotator_id, created_at = now()`,
    [input.sampleId, `human:${input.userId}`, input.verdict, input.note, input.userId],
  );
}

/**
 * A reproducible random draw: samples ordered by a hash of (seed, id), so the same seed gives the
 * same draw while the run does not change, and no sample is drawn twice.
 */
export async function drawAuditSample(filter: { runId: string; step: number | null; role: TSampleRole | null; size: number; seed: number }): Promise<string[]> {
  const { sql } = await getDb();
  const rows = await sql.query<{ id: string }>(
    `SELECT s.id::text AS id FROM samples s
     WHERE s.run_id = $1::uuid AND ($2::int IS NULL OR s.step = $2::int) AND ($3::text IS NULL OR s.role = $3::sample_role)
     ORDER BY md5($4::text || ':' || s.id::text) LIMIT $5`,
    [filter.runId, filter.step, filter.role, String(filter.seed), filter.size],
  );
  return rows.map((r) => r.id);
}

export async function insertAuditSession(row: {
  projectId: string;
  runId: string;
  step: number | null;
  role: TSampleRole | null;
  seed: number;
  sampleIds: string[];
  userId: string;
}): Promise<string> {
  const { sql } = await getDb();
  const [created] = await sql.query<{ id: string }>(
    `INSERT INTO audit_sessions (project_id, run_id, step, role, seed, sample_ids, created_by_id)
     VALUES ($1::uuid, $2::uuid, $3::int, $4::sample_role, $5::int, $6::bigint[], $7::uuid) RETURNING id`,
    [row.projectId, row.runId, row.step, row.role, row.seed, row.sampleIds, row.userId],
  );
  return created!.id;
}

export type TAuditSessionRow = {
  id: string;
  project_id: string;
  run_id: string;
  run_name: string;
  step: number | null;
  role: TSampleRole | null;
  seed: number;
  sample_ids: string[];
  created_iso: string;
};

export async function findAuditSession(id: string): Promise<TAuditSessionRow | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<TAuditSessionRow>(
    `SELECT a.id, a.project_id, a.run_id, r.name AS run_name, a.step, a.role::text AS role, a.seed, a.sample_ids::text[] AS sample_ids,
       to_char(a.created_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_iso
     FROM audit_sessions a JOIN runs r ON r.id = a.run_id WHERE a.id = $1::uuid`,
    [id],
  );
  return row ?? null;
}

export type TAuditItemRow = {
  id: string;
  step: number;
  prompt: string;
  subtask: string;
  role: string;
  blob_sha256: string | null;
  self_verdict: number | null;
  ext_verdict: number | null;
  label: number | null;
  note: string | null;
};

/** The session's samples in draw order, with their own self verdict, external verdict and this reviewer's label. */
export async function findAuditItems(sampleIds: string[], userId: string): Promise<TAuditItemRow[]> {
  const { sql } = await getDb();
  return sql.query<TAuditItemRow>(
    `SELECT s.id::text AS id, s.step, p.text AS prompt, s.subtask, s.role::text AS role, s.blob_sha256, js.verdict::int AS self_verdict,
       (SELECT j.verdict::int FROM judgments j WHERE j.sample_id = s.id AND j.kind = 'external' ORDER BY j.judge LIMIT 1) AS ext_verdict,
       h.verdict::int AS label, h.reason AS note
     FROM unnest($1::bigint[]) WITH ORDINALITY AS d(id, ord)
     JOIN samples s ON s.id = d.id JOIN prompts p ON p.id = s.prompt_id
     LEFT JOIN judgments js ON js.sample_id = s.id AND js.kind = 'self' AND js.judge = 'self' AND js.judge_step = s.step
     LEFT JOIN judgments h ON h.sample_id = s.id AND h.kind = 'human' AND h.judge = $2 AND h.judge_step = -1
     ORDER BY d.ord`,
    [sampleIds, `human:${userId}`],
  );
}
