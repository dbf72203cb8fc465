import "server-only";

import { getDb } from "@/lib/db/client";
import type { TSql, TSqlParam } from "@/lib/db/sql";

import type { TOwnCell, TTripleCell } from "./counts";

// The paper's aggregates inside PostgreSQL: judgments are pivoted per sample (self, external,
// human) with FILTER, then counted per (checkpoint, subtask, prompt) with FILTER. Node receives one
// row of counters per prompt and checkpoint, never the judgments. tally.ts is the reference these
// queries must equal exactly (property tests in summary-repository.integration.test.ts).

export type TCellScope = {
  runId: string;
  /** Checkpoint steps to aggregate; null = every step. */
  steps: readonly number[] | null;
  externalJudge: string | null;
  benchmark: string | null;
};

type TOwnRow = {
  step: number; benchmark: string; subtask: string; prompt_id: string;
  self_n: number; self0: number; self_null: number; ext_n: number; ext1: number;
  score_n: number; score_sum: number; score_sq: number; tp: number; fp: number; tn: number; fn: number;
  hum_n: number; hum_self0_n: number; hum_self0_bad: number;
};

// `judgments.step` repeats the sample's step, so "judged by its own checkpoint" is judge_step = step
// and the step filter applies to judgments without a join. Images are paired with their verdicts on
// (step, sample id), the order of samples_metrics_idx and judgments_metrics_idx.
const OWN_CELLS_SQL = `
WITH verdicts AS (
  SELECT j.step, j.sample_id,
    bool_or(j.kind = 'self' AND j.judge = 'self' AND j.judge_step = j.step) AS has_self,
    max(j.verdict) FILTER (WHERE j.kind = 'self' AND j.judge = 'self' AND j.judge_step = j.step) AS self_v,
    max(j.verdict) FILTER (WHERE j.kind = 'external' AND j.judge = $3 AND j.judge_step = -1) AS ext_v,
    max(j.score) FILTER (WHERE j.kind = 'external' AND j.judge = $3 AND j.judge_step = -1) AS ext_s,
    count(*) FILTER (WHERE j.kind = 'human' AND j.verdict = 1) AS human1,
    count(*) FILTER (WHERE j.kind = 'human' AND j.verdict = 0) AS human0
  FROM judgments j
  WHERE j.run_id = $1::uuid AND ($2::int[] IS NULL OR j.step = ANY($2::int[]))
  GROUP BY j.step, j.sample_id
), images AS (
  SELECT s.step, s.benchmark, s.subtask, s.prompt_id, v.has_self, v.self_v, v.ext_v, v.ext_s,
    CASE WHEN v.human1 > v.human0 THEN 1 WHEN v.human0 > v.human1 THEN 0 END AS human_v
  FROM samples s LEFT JOIN verdicts v ON v.step = s.step AND v.sample_id = s.id
  WHERE s.run_id = $1::uuid AND ($2::int[] IS NULL OR s.step = ANY($2::int[])) AND ($4::text IS NULL OR s.benchmark = $4)
)
SELECT step, benchmark, subtask, prompt_id::text AS prompt_id,
  count(self_v)::int AS self_n,
  count(*) FILTER (WHERE self_v = 0)::int AS self0,
  count(*) FILTER (WHERE has_self AND self_v IS NULL)::int AS self_null,
  count(ext_v)::int AS ext_n,
  count(*) FILTER (WHERE ext_v = 1)::int AS ext1,
  count(ext_s)::int AS score_n,
  coalesce(sum(ext_s), 0)::float8 AS score_sum,
  coalesce(sum(ext_s * ext_s), 0)::float8 AS score_sq,
  count(*) FILTER (WHERE self_v = 1 AND ext_v = 1)::int AS tp,
  count(*) FILTER (WHERE self_v = 1 AND ext_v = 0)::int AS fp,
  count(*) FILTER (WHERE self_v = 0 AND ext_v = 0)::int AS tn,
  count(*) FILTER (WHERE self_v = 0 AND ext_v = 1)::int AS fn,
  count(human_v)::int AS hum_n,
  count(*) FILTER (WHERE self_v = 0 AND human_v IS NOT NULL)::int AS hum_self0_n,
  count(*) FILTER (WHERE self_v = 0 AND human_v = 0)::int AS hum_self0_bad
FROM images
GROUP BY step, benchmark, subtask, prompt_id`;

/**
 * Planner settings for these aggregates (plans change, results cannot):
 * - hash joins with room (work_mem 64 MB, not 4): linear at any size. Nested loops and merge joins
 *   are ruled out because the embedded database has no autovacuum, so its statistics can say "1
 *   row" for 10,000 and either turns a 20 ms query into seconds;
 * - on PostgreSQL (autovacuum keeps statistics) over many checkpoints, stream instead: its cost model
 *   prefers hashing every judgment by image (about 2× the CPU here), while the covering indexes
 *   already deliver both sides in (step, image) order for a merge join.
 */
const HASH_PLAN = ["SET LOCAL work_mem = '64MB'", "SET LOCAL enable_nestloop = off", "SET LOCAL enable_mergejoin = off"];
const STREAMING_PLAN = ["SET LOCAL work_mem = '64MB'", "SET LOCAL enable_nestloop = off", "SET LOCAL enable_seqscan = off", "SET LOCAL enable_bitmapscan = off", "SET LOCAL enable_hashjoin = off"];
/** From this many checkpoints on, a summary is a whole-run scan. */
export const MANY_STEPS = 8;

async function queryAggregate<T>(sql: TSql | undefined, steps: readonly number[] | null, text: string, params: readonly TSqlParam[]): Promise<T[]> {
  const db = await getDb();
  const streaming = db.kind === "postgres" && (steps === null || steps.length >= MANY_STEPS);
  return (sql ?? db.sql).transaction(async (tx) => {
    for (const setting of streaming ? STREAMING_PLAN : HASH_PLAN) await tx.execute(setting);
    return tx.query<T>(text, params);
  });
}

/** Per (checkpoint, subtask, prompt): counters over the run's own images (see tallyOwnCells). */
export async function aggregateOwnCells(scope: TCellScope, sql?: TSql): Promise<TOwnCell[]> {
  const rows = await queryAggregate<TOwnRow>(sql, scope.steps, OWN_CELLS_SQL, [scope.runId, scope.steps, scope.externalJudge, scope.benchmark]);
  return rows.map((r) => ({
    step: r.step, benchmark: r.benchmark, subtask: r.subtask, promptId: r.prompt_id,
    selfN: r.self_n, self0: r.self0, selfNull: r.self_null, extN: r.ext_n, ext1: r.ext1,
    scoreN: r.score_n, scoreSum: r.score_sum, scoreSq: r.score_sq, tp: r.tp, fp: r.fp, tn: r.tn, fn: r.fn,
    humN: r.hum_n, humSelf0N: r.hum_self0_n, humSelf0Bad: r.hum_self0_bad,
  }));
}

export type TTripleScope = {
  /** The baseline run and checkpoint whose images are judged. */
  baselineRunId: string;
  baselineStep: number;
  /** "self" when the judging checkpoints belong to the baseline's run, "self:<runId>" otherwise. */
  currentJudge: string;
  steps: readonly number[];
  externalJudge: string | null;
  benchmark: string | null;
};

type TTripleRow = { step: number; benchmark: string; subtask: string; prompt_id: string } & Record<`t${"000" | "001" | "010" | "011" | "100" | "101" | "110" | "111"}`, number>;

// Each judging checkpoint's verdict is paired with the baseline's own and the external verdict on
// the same image by a window over the image's judgments (in sample order from the index), so the
// baseline's images are read once however many checkpoints judge them.
const TRIPLE_CELLS_SQL = `
WITH judged AS (
  SELECT j.sample_id, j.kind, j.judge, j.judge_step, j.verdict,
    max(j.verdict) FILTER (WHERE j.kind = 'self' AND j.judge = 'self' AND j.judge_step = $2) OVER image AS b,
    max(j.verdict) FILTER (WHERE j.kind = 'external' AND j.judge = $5 AND j.judge_step = -1) OVER image AS e
  FROM judgments j
  WHERE j.run_id = $1::uuid AND j.step = $2
    AND ((j.kind = 'self' AND j.judge = 'self' AND j.judge_step = $2) OR (j.kind = 'external' AND j.judge = $5 AND j.judge_step = -1)
      OR (j.kind = 'self' AND j.judge = $3 AND j.judge_step = ANY($4::int[])))
  WINDOW image AS (PARTITION BY j.sample_id)
)
SELECT c.judge_step AS step, s.benchmark, s.subtask, s.prompt_id::text AS prompt_id,
  ${["000", "001", "010", "011", "100", "101", "110", "111"]
    .map((k) => `count(*) FILTER (WHERE c.e = ${k[0]} AND c.b = ${k[1]} AND c.verdict = ${k[2]})::int AS t${k}`)
    .join(",\n  ")}
FROM judged c
JOIN samples s ON s.id = c.sample_id AND s.run_id = $1::uuid AND s.step = $2
WHERE c.kind = 'self' AND c.judge = $3 AND c.judge_step = ANY($4::int[]) AND c.verdict IS NOT NULL AND c.b IS NOT NULL AND c.e IS NOT NULL
  AND ($6::text IS NULL OR s.benchmark = $6)
GROUP BY c.judge_step, s.benchmark, s.subtask, s.prompt_id`;

/** Per (judging checkpoint, subtask, prompt): transition triples on the baseline's images (see tallyTripleCells). */
export async function aggregateTripleCells(scope: TTripleScope, sql?: TSql): Promise<TTripleCell[]> {
  if (scope.steps.length === 0) return [];
  const params = [scope.baselineRunId, scope.baselineStep, scope.currentJudge, scope.steps, scope.externalJudge, scope.benchmark];
  const rows = await queryAggregate<TTripleRow>(sql, scope.steps, TRIPLE_CELLS_SQL, params);
  return rows.map((r) => ({
    step: r.step, benchmark: r.benchmark, subtask: r.subtask, promptId: r.prompt_id,
    triples: { "000": r.t000, "001": r.t001, "010": r.t010, "011": r.t011, "100": r.t100, "101": r.t101, "110": r.t110, "111": r.t111 },
  }));
}
