import "server-only";

import { getDb } from "@/lib/db/client";

import type { TSampleRole } from "./sample-roles";

// What a summary needs to know about a run before aggregating: the run and its recorded baseline,
// its checkpoints, and which external judges have judged it.

export type TSummaryRun = { id: string; projectId: string; name: string; baselineRunId: string | null; baselineStep: number | null };

export async function findRunForSummary(runId: string): Promise<TSummaryRun | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<{ id: string; project_id: string; name: string; baseline_run_id: string | null; baseline_step: number | null }>(
    `SELECT id, project_id, name, baseline_run_id, baseline_step FROM runs WHERE id = $1::uuid`,
    [runId],
  );
  return row ? { id: row.id, projectId: row.project_id, name: row.name, baselineRunId: row.baseline_run_id, baselineStep: row.baseline_step } : null;
}

/** The run's checkpoints in step order; `steps` narrows them. */
export async function listCheckpoints(runId: string, steps: readonly number[] | null = null): Promise<{ step: number; epoch: number | null }[]> {
  const { sql } = await getDb();
  return sql.query<{ step: number; epoch: number | null }>(
    `SELECT step, epoch FROM checkpoints WHERE run_id = $1::uuid AND ($2::int[] IS NULL OR step = ANY($2::int[])) ORDER BY step`,
    [runId, steps],
  );
}

export async function findFirstCheckpointStep(runId: string): Promise<number | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<{ step: number }>(`SELECT min(step) AS step FROM checkpoints WHERE run_id = $1::uuid`, [runId]);
  return row?.step ?? null;
}

// A run has a handful of external judges among a million judgments: find their names by skipping
// through the (run, kind, judge) index one name at a time, instead of reading every judgment.
const DISTINCT_EXTERNAL_JUDGES_SQL = `
WITH RECURSIVE judges AS (
  (SELECT judge FROM judgments WHERE run_id = $1::uuid AND kind = 'external' ORDER BY judge LIMIT 1)
  UNION ALL
  SELECT (SELECT j.judge FROM judgments j WHERE j.run_id = $1::uuid AND j.kind = 'external' AND j.judge > judges.judge ORDER BY j.judge LIMIT 1)
  FROM judges WHERE judges.judge IS NOT NULL
)
SELECT judge FROM judges WHERE judge IS NOT NULL`;

/**
 * External judges of a run, the one with the most judgments first (ties by name). Counting is
 * skipped when there is only one: it is the first whatever its count (reported as null).
 */
export async function listExternalJudges(runId: string): Promise<{ judge: string; judgments: number | null }[]> {
  const { sql } = await getDb();
  const names = await sql.query<{ judge: string }>(DISTINCT_EXTERNAL_JUDGES_SQL, [runId]);
  if (names.length <= 1) return names.map((n) => ({ judge: n.judge, judgments: null }));
  return sql.query<{ judge: string; judgments: number }>(
    `SELECT judge, count(*)::int AS judgments FROM judgments WHERE run_id = $1::uuid AND kind = 'external' GROUP BY judge ORDER BY judgments DESC, judge`,
    [runId],
  );
}

/**
 * External judgments on the runs' images in `roles`, per benchmark, subtask and judge: what the default judge
 * of each benchmark is chosen from (external-judges.ts › pickJudgePerBenchmark).
 */
export async function countExternalJudgmentsByBenchmark(
  runIds: readonly string[],
  roles: readonly TSampleRole[],
): Promise<{ benchmark: string; subtask: string; judge: string; judgments: number }[]> {
  const { sql } = await getDb();
  return sql.query<{ benchmark: string; subtask: string; judge: string; judgments: number }>(
    `SELECT s.benchmark, s.subtask, j.judge, count(*)::int AS judgments
     FROM judgments j JOIN samples s ON s.id = j.sample_id
     WHERE j.run_id = ANY($1::uuid[]) AND j.kind = 'external' AND j.judge_step = -1 AND s.role = ANY($2::text[]::sample_role[])
     GROUP BY s.benchmark, s.subtask, j.judge`,
    [runIds, roles],
  );
}
