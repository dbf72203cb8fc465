// The SQL the seed scenarios write with: prompts, runs and labelled checkpoints in bulk (unnest), on
// the transaction or connection the caller passes. Samples, judgments and metric points go through
// the app's own bulk repositories (lib/samples, lib/series).
import "server-only";

import { randomUUID } from "node:crypto";

import type { TSql } from "@/lib/db/sql";
import { findPromptsByExternalIds, insertPromptsReturningExisting, type TPromptRow, updatePrompts } from "@/lib/ingest/prompt-repository";

import type { TPromptRecord } from "../prompts/load-prompts";

/** `base`, or `base-2`, `base-3`, … : the first project slug not taken yet. */
export async function findFreeProjectSlug(sql: TSql, base: string): Promise<string> {
  const rows = await sql.query<{ slug: string }>(`SELECT slug FROM projects WHERE slug = $1 OR slug LIKE $2`, [base, `${base}-%`]);
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}-${k}`)) return `${base}-${k}`;
}

export async function findUserIdByEmail(sql: TSql, email: string): Promise<string | null> {
  const [row] = await sql.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email]);
  return row?.id ?? null;
}

export async function findFirstUserId(sql: TSql): Promise<string | null> {
  const [row] = await sql.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
  return row?.id ?? null;
}

export async function countUsers(sql: TSql): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
  return row?.n ?? 0;
}

/**
 * Inserts the prompts into a project (stored ones take the seed's fields); returns their ids by
 * external id. Through the ingest repository: the seed writes prompts exactly as the API does.
 */
export async function insertPrompts(sql: TSql, projectId: string, prompts: readonly TPromptRecord[]): Promise<Map<string, string>> {
  const rows: TPromptRow[] = prompts.map((p) => ({
    externalId: p.externalId,
    text: p.text,
    benchmark: p.benchmark,
    subtask: p.subtask,
    tier: p.tier,
    split: p.split,
    spec: p.sourceSpec ?? p.spec,
  }));
  const { existing } = await insertPromptsReturningExisting(sql, projectId, rows);
  await updatePrompts(
    sql,
    projectId,
    existing.map((e) => rows[e.index]!),
  );
  const refs = await findPromptsByExternalIds(
    sql,
    projectId,
    rows.map((r) => r.externalId),
  );
  return new Map([...refs].map(([externalId, ref]) => [externalId, ref.id]));
}

export type TSeedRun = {
  name: string;
  method: string;
  tags: readonly string[];
  config: Record<string, unknown>;
  notes: string;
  baselineRunId: string | null;
  baselineStep: number | null;
  createdById: string | null;
  createdAt: Date;
  status?: "running" | "finished" | "failed";
};

/** Inserts finished runs in one statement; ids are chosen here so the caller knows them in order. */
export async function insertRuns(sql: TSql, projectId: string, runs: readonly TSeedRun[]): Promise<string[]> {
  const ids = runs.map(() => randomUUID());
  await sql.execute(
    `INSERT INTO runs (id, project_id, name, method, tags, config, notes, status, baseline_run_id, baseline_step, created_by_id, created_at, updated_at, finished_at)
     SELECT id, $1::uuid, name, method, string_to_array(tags, ','), config::jsonb, notes, status::run_status, base, base_step, creator, at, at,
            CASE WHEN status = 'running' THEN NULL ELSE at END
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::int[], $10::uuid[], $11::timestamptz[], $12::text[])
       AS t(id, name, method, tags, config, notes, base, base_step, creator, at, status)`,
    [
      projectId,
      ids,
      runs.map((r) => r.name),
      runs.map((r) => r.method),
      runs.map((r) => r.tags.join(",")),
      runs.map((r) => JSON.stringify(r.config)),
      runs.map((r) => r.notes),
      runs.map((r) => r.baselineRunId),
      runs.map((r) => r.baselineStep),
      runs.map((r) => r.createdById),
      runs.map((r) => r.createdAt),
      runs.map((r) => r.status ?? "finished"),
    ],
  );
  return ids;
}

/** Checkpoints with their labels ("round 1 (replay)"), which the curriculum view reads rounds from. */
export async function insertCheckpoints(sql: TSql, runId: string, checkpoints: readonly { step: number; epoch: number; label: string }[]): Promise<void> {
  await sql.execute(
    `INSERT INTO checkpoints (run_id, step, epoch, label)
     SELECT $1::uuid, step, epoch, label FROM unnest($2::int[], $3::float8[], $4::text[]) AS t(step, epoch, label)
     ON CONFLICT (run_id, step) DO UPDATE SET label = EXCLUDED.label, epoch = EXCLUDED.epoch`,
    [runId, checkpoints.map((c) => c.step), checkpoints.map((c) => c.epoch), checkpoints.map((c) => c.label)],
  );
}
