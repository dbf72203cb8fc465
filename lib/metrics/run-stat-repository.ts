import "server-only";

import { getDb } from "@/lib/db/client";

// The cached latest-checkpoint figures the runs table sorts on (run_stats). Written only by the
// metrics engine (service.ts › refreshRunStat), never by hand.

export type TRunStatRow = {
  runId: string;
  latestStep: number | null;
  gen: number | null;
  genN: number;
  und: number | null;
  undN: number;
  non: number | null;
  nonN: number;
  nonSeries: { step: number; value: number | null; n: number }[];
  benchmarks: string[];
};

export async function upsertRunStat(stat: TRunStatRow): Promise<void> {
  const { sql } = await getDb();
  await sql.execute(
    `INSERT INTO run_stats (run_id, latest_step, gen, gen_n, und, und_n, non, non_n, non_series, benchmarks, computed_at)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::text[], now())
     ON CONFLICT (run_id) DO UPDATE SET latest_step = EXCLUDED.latest_step, gen = EXCLUDED.gen, gen_n = EXCLUDED.gen_n,
       und = EXCLUDED.und, und_n = EXCLUDED.und_n, non = EXCLUDED.non, non_n = EXCLUDED.non_n,
       non_series = EXCLUDED.non_series, benchmarks = EXCLUDED.benchmarks, computed_at = EXCLUDED.computed_at`,
    [stat.runId, stat.latestStep, stat.gen, stat.genN, stat.und, stat.undN, stat.non, stat.nonN, JSON.stringify(stat.nonSeries), stat.benchmarks],
  );
}

export async function findRunStat(runId: string): Promise<TRunStatRow | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<{
    latest_step: number | null;
    gen: number | null;
    gen_n: number;
    und: number | null;
    und_n: number;
    non: number | null;
    non_n: number;
    non_series: TRunStatRow["nonSeries"];
    benchmarks: string[];
  }>(`SELECT latest_step, gen, gen_n, und, und_n, non, non_n, non_series, benchmarks FROM run_stats WHERE run_id = $1::uuid`, [runId]);
  if (!row) return null;
  return {
    runId,
    latestStep: row.latest_step,
    gen: row.gen,
    genN: row.gen_n,
    und: row.und,
    undN: row.und_n,
    non: row.non,
    nonN: row.non_n,
    nonSeries: row.non_series,
    benchmarks: row.benchmarks,
  };
}

/** The project's runs that have at least one checkpoint (the only ones with figures to cache). */
export async function listRunIdsWithCheckpoints(projectId: string): Promise<string[]> {
  const { sql } = await getDb();
  const rows = await sql.query<{ id: string }>(
    `SELECT r.id FROM runs r WHERE r.project_id = $1::uuid AND EXISTS (SELECT 1 FROM checkpoints c WHERE c.run_id = r.id) ORDER BY r.created_at, r.id`,
    [projectId],
  );
  return rows.map((r) => r.id);
}
