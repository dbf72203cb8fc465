import "server-only";

import { getDb } from "@/lib/db/client";
import { namedQuery } from "@/lib/db/named-params";
import type { TSql, TSqlParam } from "@/lib/db/sql";

import type { TOwnCell, TTripleCell } from "./counts";
import { judgeOfSampleSql, type TExternalJudges } from "./external-judges";
import type { TSampleRole } from "./sample-roles";

// The paper's aggregates inside PostgreSQL: each image's judgments are pivoted (self, external,
// human) with FILTER, then counted per (checkpoint, subtask, prompt) with FILTER. Node receives one
// row of counters per prompt and checkpoint, never the judgments. tally.ts is the reference these
// queries must equal exactly (property tests in summary-repository.integration.test.ts).
//
// A checkpoint's own figures are computed one checkpoint at a time (LATERAL over the steps): each
// step reads its own index ranges — (run, step, 'self', step) and (run, step, 'external', -1) — so
// the cost is linear in the checkpoints asked for, and the million later-checkpoint verdicts that
// sit on the baseline's images are never touched by the baseline's own figures. One plan for one
// checkpoint and for a hundred, and no hash of every judgment of a run.

export type TCellScope = {
  runId: string;
  /** Checkpoint steps to aggregate. */
  steps: readonly number[];
  /** Benchmark → its external judge (external-judges.ts); a benchmark absent has no external verdicts. */
  externalJudges: TExternalJudges;
  benchmark: string | null;
  /** The images counted: EVAL_ROLES for a checkpoint's scores, TRAINING_ROLES for curriculum rounds. */
  roles: readonly TSampleRole[];
};

type TOwnRow = {
  step: number;
  benchmark: string;
  subtask: string;
  prompt_id: string;
  images: number;
  self_n: number;
  self0: number;
  self_null: number;
  ext_n: number;
  ext1: number;
  score_n: number;
  score_sum: number;
  score_sq: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  hum_n: number;
  hum_self0_n: number;
  hum_self0_bad: number;
};

// `judgments.step` repeats the sample's step, so "judged by its own checkpoint" is judge_step = step.
// An image has at most one own self verdict and one verdict per external judge (the judgments'
// natural key), so both are plain joins; human verdicts are several and are reduced to a majority.
// The external judge is the one of the image's benchmark (:externalJudges, a JSON object benchmark → judge).
const OWN_CELLS_SQL = `
SELECT c.step, x.benchmark, x.subtask, x.prompt_id::text AS prompt_id, x.images,
  x.self_n, x.self0, x.self_null, x.ext_n, x.ext1, x.score_n, x.score_sum, x.score_sq, x.tp, x.fp, x.tn, x.fn, x.hum_n, x.hum_self0_n, x.hum_self0_bad
FROM unnest(:steps::int[]) AS c(step)
CROSS JOIN LATERAL (
  SELECT s.benchmark, s.subtask, s.prompt_id,
    count(*)::int AS images,
    count(js.verdict)::int AS self_n,
    count(*) FILTER (WHERE js.verdict = 0)::int AS self0,
    count(*) FILTER (WHERE js.sample_id IS NOT NULL AND js.verdict IS NULL)::int AS self_null,
    count(je.verdict)::int AS ext_n,
    count(*) FILTER (WHERE je.verdict = 1)::int AS ext1,
    count(je.score)::int AS score_n,
    coalesce(sum(je.score), 0)::float8 AS score_sum,
    coalesce(sum(je.score * je.score), 0)::float8 AS score_sq,
    count(*) FILTER (WHERE js.verdict = 1 AND je.verdict = 1)::int AS tp,
    count(*) FILTER (WHERE js.verdict = 1 AND je.verdict = 0)::int AS fp,
    count(*) FILTER (WHERE js.verdict = 0 AND je.verdict = 0)::int AS tn,
    count(*) FILTER (WHERE js.verdict = 0 AND je.verdict = 1)::int AS fn,
    count(h.verdict)::int AS hum_n,
    count(*) FILTER (WHERE js.verdict = 0 AND h.verdict IS NOT NULL)::int AS hum_self0_n,
    count(*) FILTER (WHERE js.verdict = 0 AND h.verdict = 0)::int AS hum_self0_bad
  FROM samples s
  LEFT JOIN judgments js ON js.sample_id = s.id AND js.run_id = :runId::uuid AND js.step = c.step AND js.kind = 'self' AND js.judge_step = c.step AND js.judge = 'self'
  LEFT JOIN judgments je ON je.sample_id = s.id AND je.run_id = :runId::uuid AND je.step = c.step AND je.kind = 'external' AND je.judge_step = -1 AND je.judge = (${judgeOfSampleSql(":externalJudges", "s")})
  LEFT JOIN (
    SELECT sample_id, CASE WHEN count(*) FILTER (WHERE verdict = 1) > count(*) FILTER (WHERE verdict = 0) THEN 1
      WHEN count(*) FILTER (WHERE verdict = 0) > count(*) FILTER (WHERE verdict = 1) THEN 0 END AS verdict
    FROM judgments WHERE run_id = :runId::uuid AND step = c.step AND kind = 'human' GROUP BY sample_id
  ) h ON h.sample_id = s.id
  WHERE s.run_id = :runId::uuid AND s.step = c.step AND s.role = ANY(:roles::text[]::sample_role[]) AND (:benchmark::text IS NULL OR s.benchmark = :benchmark)
  GROUP BY s.benchmark, s.subtask, s.prompt_id
) x`;

/**
 * Nested loops and merge joins are ruled out inside a checkpoint (the LATERAL loop over checkpoints
 * stays, it is the only plan): the embedded database has no autovacuum, so its statistics can say
 * "1 row" for 10,000 images and either join turns a 20 ms query into seconds; hash joins are linear
 * at any size. Grouping hashes too: sorting a million verdicts to group them spilled to disk and
 * took 1.4 s of 2.2. work_mem gives a checkpoint's images room to hash without spilling. JIT is
 * off: the penalty PostgreSQL adds to disabled plans pushes the estimate over jit_above_cost, and
 * compiling took 500 ms of a 40 ms query. Plans change, results cannot.
 */
const PLAN_SETTINGS = [
  "SET LOCAL work_mem = '64MB'",
  "SET LOCAL enable_nestloop = off",
  "SET LOCAL enable_mergejoin = off",
  "SET LOCAL enable_sort = off",
  "SET LOCAL jit = off",
];
/** On PostgreSQL, a long list of checkpoints is split across this many connections (the pool's). */
const PARALLEL_CHUNKS = 2;
const CHUNK_FROM = 8;

async function queryOnce<T>(db: TSql, text: string, params: readonly TSqlParam[]): Promise<T[]> {
  return db.transaction(async (tx) => {
    for (const setting of PLAN_SETTINGS) await tx.execute(setting);
    return tx.query<T>(text, params);
  });
}

/** Runs a per-checkpoint aggregate over `values.steps`, in parallel chunks of steps on PostgreSQL. */
async function queryPerStep<T>(sql: TSql | undefined, namedText: string, values: Record<string, TSqlParam> & { steps: readonly number[] }): Promise<T[]> {
  const db = await getDb();
  const { text, params, position } = namedQuery(namedText, values);
  const { steps } = values;
  const stepsIndex = position("steps");
  if (sql || db.kind !== "postgres" || steps.length < CHUNK_FROM) return queryOnce<T>(sql ?? db.sql, text, params);
  const size = Math.ceil(steps.length / PARALLEL_CHUNKS);
  const chunks = Array.from({ length: PARALLEL_CHUNKS }, (_, i) => steps.slice(i * size, (i + 1) * size)).filter((c) => c.length > 0);
  const results = await Promise.all(
    chunks.map((chunk) =>
      queryOnce<T>(
        db.sql,
        text,
        params.map((p, i) => (i === stepsIndex ? chunk : p)),
      ),
    ),
  );
  return results.flat();
}

/** Per (checkpoint, subtask, prompt): counters over the run's own images (see tallyOwnCells). */
export async function aggregateOwnCells(scope: TCellScope, sql?: TSql): Promise<TOwnCell[]> {
  if (scope.steps.length === 0) return [];
  const rows = await queryPerStep<TOwnRow>(sql, OWN_CELLS_SQL, {
    runId: scope.runId,
    steps: scope.steps,
    externalJudges: JSON.stringify(scope.externalJudges),
    benchmark: scope.benchmark,
    roles: scope.roles,
  });
  return rows.map((r) => ({
    step: r.step,
    benchmark: r.benchmark,
    subtask: r.subtask,
    promptId: r.prompt_id,
    images: r.images,
    selfN: r.self_n,
    self0: r.self0,
    selfNull: r.self_null,
    extN: r.ext_n,
    ext1: r.ext1,
    scoreN: r.score_n,
    scoreSum: r.score_sum,
    scoreSq: r.score_sq,
    tp: r.tp,
    fp: r.fp,
    tn: r.tn,
    fn: r.fn,
    humN: r.hum_n,
    humSelf0N: r.hum_self0_n,
    humSelf0Bad: r.hum_self0_bad,
  }));
}

export type TTripleScope = {
  /** The baseline run and checkpoint whose images are judged. */
  baselineRunId: string;
  baselineStep: number;
  /** "self" when the judging checkpoints belong to the baseline's run, "self:<runId>" otherwise. */
  currentJudge: string;
  steps: readonly number[];
  externalJudges: TExternalJudges;
  benchmark: string | null;
};

type TTripleRow = { step: number; benchmark: string; subtask: string; prompt_id: string } & Record<
  `t${"000" | "001" | "010" | "011" | "100" | "101" | "110" | "111"}`,
  number
>;

// The baseline's evaluation images with their own and external verdicts (each image's benchmark's
// judge) are gathered once (a few thousand rows, hashed once); every judging checkpoint's verdicts
// on them are index ranges (run, baseline step, 'self', checkpoint) probed against that hash — no
// per-checkpoint loop needed here.
const TRIPLE_CELLS_SQL = `
WITH baseline AS MATERIALIZED (
  SELECT v.* FROM (
    SELECT s.id, s.benchmark, s.subtask, s.prompt_id,
      max(j.verdict) FILTER (WHERE j.kind = 'self') AS b,
      max(j.verdict) FILTER (WHERE j.kind = 'external' AND j.judge = (${judgeOfSampleSql(":externalJudges", "s")})) AS e
    FROM samples s
    JOIN (
      SELECT sample_id, kind, judge, verdict FROM judgments WHERE run_id = :baselineRunId::uuid AND step = :baselineStep AND kind = 'self' AND judge_step = :baselineStep AND judge = 'self'
      UNION ALL
      SELECT sample_id, kind, judge, verdict FROM judgments WHERE run_id = :baselineRunId::uuid AND step = :baselineStep AND kind = 'external' AND judge_step = -1
        AND judge IN (SELECT value FROM jsonb_each_text(:externalJudges::jsonb))
    ) j ON j.sample_id = s.id
    WHERE s.run_id = :baselineRunId::uuid AND s.step = :baselineStep AND s.role = 'eval' AND (:benchmark::text IS NULL OR s.benchmark = :benchmark)
    GROUP BY s.id, s.benchmark, s.subtask, s.prompt_id
  ) v
  WHERE v.b IS NOT NULL AND v.e IS NOT NULL
)
SELECT j.judge_step AS step, b.benchmark, b.subtask, b.prompt_id::text AS prompt_id,
  ${["000", "001", "010", "011", "100", "101", "110", "111"]
    .map((k) => `count(*) FILTER (WHERE b.e = ${k[0]} AND b.b = ${k[1]} AND j.verdict = ${k[2]})::int AS t${k}`)
    .join(",\n  ")}
FROM judgments j
JOIN baseline b ON b.id = j.sample_id
WHERE j.run_id = :baselineRunId::uuid AND j.step = :baselineStep AND j.kind = 'self' AND j.judge_step = ANY(:steps::int[]) AND j.judge = :currentJudge AND j.verdict IS NOT NULL
GROUP BY j.judge_step, b.benchmark, b.subtask, b.prompt_id`;

/** Per (judging checkpoint, subtask, prompt): transition triples on the baseline's images (see tallyTripleCells). */
export async function aggregateTripleCells(scope: TTripleScope, sql?: TSql): Promise<TTripleCell[]> {
  if (scope.steps.length === 0) return [];
  const rows = await queryPerStep<TTripleRow>(sql, TRIPLE_CELLS_SQL, {
    baselineRunId: scope.baselineRunId,
    baselineStep: scope.baselineStep,
    currentJudge: scope.currentJudge,
    steps: scope.steps,
    externalJudges: JSON.stringify(scope.externalJudges),
    benchmark: scope.benchmark,
  });
  return rows.map((r) => ({
    step: r.step,
    benchmark: r.benchmark,
    subtask: r.subtask,
    promptId: r.prompt_id,
    triples: { "000": r.t000, "001": r.t001, "010": r.t010, "011": r.t011, "100": r.t100, "101": r.t101, "110": r.t110, "111": r.t111 },
  }));
}
