import "server-only";

import { getDb } from "@/lib/db/client";

// SQL the datasets pages need beyond the API's: who built each set, which runs trained on the
// project's sets, the construction rounds a build can start from, and the project's gate threshold.

/** Runs trained on each dataset of the project (dataset id → runs, oldest first). */
export async function listTrainedByInProject(projectId: string): Promise<Map<string, { runId: string; name: string }[]>> {
  const { sql } = await getDb();
  const rows = await sql.query<{ dataset_id: string; run_id: string; name: string }>(
    `SELECT t.dataset_id, r.id AS run_id, r.name FROM run_trained_on t JOIN datasets d ON d.id = t.dataset_id JOIN runs r ON r.id = t.run_id
     WHERE d.project_id = $1::uuid ORDER BY r.created_at, r.id`,
    [projectId],
  );
  const byDataset = new Map<string, { runId: string; name: string }[]>();
  for (const r of rows) {
    const list = byDataset.get(r.dataset_id) ?? byDataset.set(r.dataset_id, []).get(r.dataset_id)!;
    list.push({ runId: r.run_id, name: r.name });
  }
  return byDataset;
}

/** Display names (name, else email) of the given users. */
export async function findUserLabels(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { sql } = await getDb();
  const rows = await sql.query<{ id: string; label: string }>(`SELECT id, coalesce(nullif(name, ''), email) AS label FROM users WHERE id = ANY($1::uuid[])`, [
    [...ids],
  ]);
  return new Map(rows.map((r) => [r.id, r.label]));
}

/** Steps of the project's runs that hold training candidates (non-evaluation samples), per run. */
export async function listConstructionRounds(projectId: string): Promise<{ runId: string; name: string; step: number; samples: number }[]> {
  const { sql } = await getDb();
  const rows = await sql.query<{ run_id: string; name: string; step: number; n: string }>(
    `SELECT r.id AS run_id, r.name, s.step, count(*) AS n FROM samples s JOIN runs r ON r.id = s.run_id
     WHERE r.project_id = $1::uuid AND s.role <> 'eval' GROUP BY r.id, r.name, r.created_at, s.step ORDER BY r.created_at DESC, r.id, s.step LIMIT 2000`,
    [projectId],
  );
  return rows.map((r) => ({ runId: r.run_id, name: r.name, step: Number(r.step), samples: Number(r.n) }));
}

export async function upsertPrecisionThreshold(projectId: string, threshold: number): Promise<void> {
  const { sql } = await getDb();
  await sql.execute(
    `INSERT INTO dataset_settings (project_id, precision_threshold) VALUES ($1::uuid, $2) ON CONFLICT (project_id) DO UPDATE SET precision_threshold = EXCLUDED.precision_threshold`,
    [projectId, threshold],
  );
}

export type TPoolCandidateRow = {
  promptId: string;
  externalId: string;
  text: string;
  benchmark: string;
  subtask: string;
  sampleId: string | null;
  candidate: number | null;
  sha256: string | null;
  selfVerdict: number | null;
  selfProb: number | null;
  externalVerdict: number | null;
};

// A page of the discard pool (by external id), each prompt with its candidates at the dataset's step:
// the training roles the recipe used, the round's self verdict and the external judge it resolved.
const POOL_PAGE_SQL = `
WITH pool AS (
  SELECT p.id, p.external_id, p.text, p.benchmark, p.subtask FROM dataset_pool_prompts dp JOIN prompts p ON p.id = dp.prompt_id
  WHERE dp.dataset_id = $1::uuid ORDER BY p.external_id, p.id LIMIT $2 OFFSET $3
)
SELECT pool.id AS prompt_id, pool.external_id, pool.text, pool.benchmark, pool.subtask,
  s.id::text AS sample_id, s.candidate, s.blob_sha256 AS sha,
  sj.verdict AS self_verdict, sj.prob AS self_prob,
  (SELECT j.verdict FROM judgments j WHERE j.sample_id = s.id AND j.kind = 'external' AND j.judge_step = -1
     AND j.judge = coalesce(d.resolved_recipe -> 'externalJudges' ->> (s.benchmark || '/' || s.subtask), d.resolved_recipe -> 'externalJudges' ->> s.benchmark)) AS ext
FROM pool
JOIN datasets d ON d.id = $1::uuid
LEFT JOIN samples s ON s.prompt_id = pool.id AND s.run_id = d.source_run_id AND s.step = d.source_step
  AND s.role::text IN (SELECT jsonb_array_elements_text(d.resolved_recipe -> 'roles'))
LEFT JOIN judgments sj ON sj.sample_id = s.id AND sj.kind = 'self' AND sj.judge = 'self' AND sj.judge_step = s.step
ORDER BY pool.external_id, pool.id, s.candidate`;

/** The pool's prompts `offset`…`offset + limit` with one row per candidate (a prompt without candidates has one row of nulls). */
export async function listPoolPage(datasetId: string, offset: number, limit: number): Promise<TPoolCandidateRow[]> {
  const { sql } = await getDb();
  const rows = await sql.query<Record<string, unknown>>(POOL_PAGE_SQL, [datasetId, limit, offset]);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    promptId: r.prompt_id as string,
    externalId: r.external_id as string,
    text: r.text as string,
    benchmark: r.benchmark as string,
    subtask: r.subtask as string,
    sampleId: (r.sample_id as string | null) ?? null,
    candidate: num(r.candidate),
    sha256: (r.sha as string | null)?.trim() ?? null,
    selfVerdict: num(r.self_verdict),
    selfProb: num(r.self_prob),
    externalVerdict: num(r.ext),
  }));
}
