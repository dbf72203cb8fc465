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
