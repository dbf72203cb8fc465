import "server-only";

import { getDb } from "@/lib/db/client";
import type { TSql, TSqlParam } from "@/lib/db/sql";

import type { TExplorerCursor, TSampleRole, TVerdictClass } from "./explorer-query";

// The explorer's SQL. An image's "self" verdict is its own checkpoint's (judge 'self', judge_step =
// its step); its external verdict is the first external judge's by name (one per benchmark in
// practice). Pages are keyset-ordered by (step, id): a run that is still ingesting appends rows
// behind the cursor's position or at later steps, so no page repeats or skips what it showed.

export type TExplorerFilter = {
  runId: string;
  step: number | null;
  benchmark?: string;
  subtask?: string;
  role?: TSampleRole;
  cls?: TVerdictClass;
  /** Prompts whose text matched the search (null: no search). */
  promptIds: string[] | null;
};

export type TExplorerRow = {
  id: string;
  step: number;
  candidate: number;
  role: TSampleRole;
  subtask: string;
  benchmark: string;
  blob_sha256: string | null;
  prompt: string;
  self_verdict: number | null;
  self_response: string | null;
  ext_verdict: number | null;
  ext_judge: string | null;
  ext_reason: string | null;
  humans: { judge: string; verdict: number | null }[] | null;
};

const SELF = `LEFT JOIN judgments js ON js.sample_id = s.id AND js.kind = 'self' AND js.judge = 'self' AND js.judge_step = s.step`;
const EXTERNAL = `LEFT JOIN LATERAL (SELECT j.verdict, j.judge, j.reason FROM judgments j WHERE j.sample_id = s.id AND j.kind = 'external' ORDER BY j.judge LIMIT 1) je ON true`;
// The same prompt and candidate one checkpoint earlier, and its own self verdict.
const PREVIOUS = `JOIN (SELECT step, lag(step) OVER (ORDER BY step) AS prev FROM checkpoints WHERE run_id = $1::uuid) st ON st.step = s.step
  LEFT JOIN LATERAL (SELECT pj.verdict FROM samples ps JOIN judgments pj ON pj.sample_id = ps.id AND pj.kind = 'self' AND pj.judge = 'self' AND pj.judge_step = ps.step
    WHERE ps.prompt_id = s.prompt_id AND ps.run_id = s.run_id AND ps.step = st.prev AND ps.candidate = s.candidate LIMIT 1) pv ON true`;
// Rejected by a later checkpoint of this run or by another run's checkpoint (judge 'self:<runId>').
const LATER_REJECTS = `EXISTS (SELECT 1 FROM judgments l WHERE l.sample_id = s.id AND l.kind = 'self' AND l.verdict = 0 AND NOT (l.judge = 'self' AND l.judge_step <= s.step))`;

const CLASS_SQL: Record<TVerdictClass, string> = {
  contradiction: `((js.verdict = 1 AND je.verdict = 0) OR (js.verdict = 0 AND je.verdict = 1))`,
  fp: `(js.verdict = 1 AND je.verdict = 0)`,
  fn: `(js.verdict = 0 AND je.verdict = 1)`,
  agree: `(js.verdict = je.verdict)`,
  cfp: `(js.verdict = 1 AND je.verdict = 0 AND ${LATER_REJECTS})`,
  flipped: `(js.verdict <> pv.verdict)`,
};

const CLASS_SQL_COUNTS: Record<TVerdictClass, string> = { ...CLASS_SQL, cfp: `(js.verdict = 1 AND je.verdict = 0 AND l.sample_id IS NOT NULL)` };

// Planner settings scoped to one transaction (see lib/metrics/summary-repository.ts for why the
// embedded database's statistics cannot be trusted). A page walks samples_explorer_idx in (step, id)
// order with index lookups and stops at the page's end; never sort the whole checkpoint first.
// The ORDER BY names run_id too, so that only that index gives the order: the primary key's id order
// is the same for one step, but the planner then walks the whole table's ids to reach the step.
// Counts read whole checkpoints: hash joins, linear at any size.
const PAGE_PLAN = [
  "SET LOCAL enable_sort = off",
  "SET LOCAL enable_hashjoin = off",
  "SET LOCAL enable_mergejoin = off",
  "SET LOCAL enable_bitmapscan = off",
  "SET LOCAL max_parallel_workers_per_gather = 0",
  "SET LOCAL jit = off",
];
const COUNT_PLAN = ["SET LOCAL work_mem = '64MB'", "SET LOCAL enable_nestloop = off", "SET LOCAL enable_mergejoin = off", "SET LOCAL jit = off"];

async function withPlan<T>(sql: TSql, settings: readonly string[], fn: (tx: TSql) => Promise<T>): Promise<T> {
  return sql.transaction(async (tx) => {
    for (const setting of settings) await tx.execute(setting);
    return fn(tx);
  });
}

function baseWhere(filter: TExplorerFilter) {
  const params: TSqlParam[] = [filter.runId];
  const where = ["s.run_id = $1::uuid"];
  const add = (sql: (p: string) => string, value: TSqlParam) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.step !== null) add((p) => `s.step = ${p}::int`, filter.step);
  if (filter.benchmark) add((p) => `s.benchmark = ${p}`, filter.benchmark);
  if (filter.subtask) add((p) => `s.subtask = ${p}`, filter.subtask);
  if (filter.role) add((p) => `s.role = ${p}::sample_role`, filter.role);
  if (filter.promptIds) add((p) => `s.prompt_id = ANY(${p}::uuid[])`, filter.promptIds);
  return { params, where, add };
}

/** One page of cards: (step, id) after the cursor, `limit` rows (ask one more to know of a next page). */
export async function findExplorerPage(filter: TExplorerFilter, cursor: TExplorerCursor | null, limit: number): Promise<TExplorerRow[]> {
  const { sql } = await getDb();
  const { params, where, add } = baseWhere(filter);
  if (filter.cls) where.push(CLASS_SQL[filter.cls]);
  if (cursor) {
    params.push(cursor.step);
    const stepParam = `$${params.length}`;
    add((p) => `(s.step, s.id) > (${stepParam}::int, ${p}::bigint)`, cursor.id);
  }
  params.push(limit);
  return withPlan(sql, PAGE_PLAN, (tx) =>
    tx.query<TExplorerRow>(
      `SELECT s.id::text AS id, s.step, s.candidate, s.role::text AS role, s.subtask, s.benchmark, s.blob_sha256, p.text AS prompt,
       js.verdict::int AS self_verdict, js.response AS self_response, je.verdict::int AS ext_verdict, je.judge AS ext_judge, je.reason AS ext_reason,
       (SELECT json_agg(json_build_object('judge', h.judge, 'verdict', h.verdict) ORDER BY h.judge) FROM judgments h WHERE h.sample_id = s.id AND h.kind = 'human') AS humans
     FROM samples s JOIN prompts p ON p.id = s.prompt_id ${SELF} ${EXTERNAL} ${filter.cls === "flipped" ? PREVIOUS : ""}
     WHERE ${where.join(" AND ")}
     ORDER BY s.run_id, s.step, s.id LIMIT $${params.length}`,
      params,
    ),
  );
}

export type TClassCounts = Record<TVerdictClass | "total", number>;

/**
 * How many images of the filtered set (everything but the class) fall in each verdict class. One
 * pass of hash joins over the run's (and step's) judgments instead of per-image lookups: a
 * checkpoint of 10,000 images costs a few index range scans, not 50,000 probes.
 */
export async function countExplorerClasses(filter: TExplorerFilter): Promise<TClassCounts> {
  const { sql } = await getDb();
  const { params, where } = baseWhere(filter);
  const stepOf = (alias: string) => (filter.step === null ? "" : `AND ${alias}.step = $2::int`);
  const verdictSql = CLASS_SQL_COUNTS;
  const counts = (Object.keys(verdictSql) as TVerdictClass[]).map((c) => `count(*) FILTER (WHERE ${verdictSql[c]})::int AS "${c}"`).join(", ");
  const rows = await withPlan(sql, COUNT_PLAN, (tx) =>
    tx.query<TClassCounts>(
      `WITH st AS (SELECT step, lag(step) OVER (ORDER BY step) AS prev FROM checkpoints WHERE run_id = $1::uuid),
       own AS (SELECT j.sample_id, j.verdict FROM judgments j WHERE j.run_id = $1::uuid ${stepOf("j")} AND j.kind = 'self' AND j.judge = 'self' AND j.judge_step = j.step),
       ext AS (SELECT j.sample_id, (array_agg(j.verdict ORDER BY j.judge))[1] AS verdict FROM judgments j WHERE j.run_id = $1::uuid ${stepOf("j")} AND j.kind = 'external' GROUP BY j.sample_id),
       later AS (SELECT j.sample_id FROM judgments j WHERE j.run_id = $1::uuid ${stepOf("j")} AND j.kind = 'self' AND j.verdict = 0 AND NOT (j.judge = 'self' AND j.judge_step <= j.step) GROUP BY j.sample_id),
       prev AS (SELECT ps.prompt_id, ps.candidate, ps.step, pj.verdict FROM samples ps
         JOIN judgments pj ON pj.sample_id = ps.id AND pj.kind = 'self' AND pj.judge = 'self' AND pj.judge_step = ps.step
         WHERE ps.run_id = $1::uuid ${filter.step === null ? "" : "AND ps.step = (SELECT prev FROM st WHERE st.step = $2::int) AND pj.run_id = $1::uuid AND pj.step = (SELECT prev FROM st WHERE st.step = $2::int)"})
       SELECT count(*)::int AS total, ${counts}
       FROM samples s JOIN st ON st.step = s.step LEFT JOIN own js ON js.sample_id = s.id LEFT JOIN ext je ON je.sample_id = s.id
         LEFT JOIN later l ON l.sample_id = s.id LEFT JOIN prev pv ON pv.prompt_id = s.prompt_id AND pv.candidate = s.candidate AND pv.step = st.prev
       WHERE ${where.join(" AND ")}`,
      params,
    ),
  );
  return rows[0] ?? { total: 0, contradiction: 0, fp: 0, fn: 0, agree: 0, cfp: 0, flipped: 0 };
}

export type TFacetCounts = { subtask: Map<string, number>; role: Map<string, number>; benchmark: Map<string, number> };

/** Images per subtask, role and benchmark within the run, checkpoint and search (not the other facets). */
export async function countExplorerFacets(filter: TExplorerFilter): Promise<TFacetCounts> {
  const { sql } = await getDb();
  const { params, where } = baseWhere({ runId: filter.runId, step: filter.step, promptIds: filter.promptIds });
  const rows = await sql.query<{ subtask: string | null; role: string | null; benchmark: string | null; g: number; n: number }>(
    `SELECT s.subtask, s.role::text AS role, s.benchmark, GROUPING(s.subtask, s.role, s.benchmark)::int AS g, count(*)::int AS n
     FROM samples s WHERE ${where.join(" AND ")} GROUP BY GROUPING SETS ((s.subtask), (s.role), (s.benchmark))`,
    params,
  );
  const facets: TFacetCounts = { subtask: new Map(), role: new Map(), benchmark: new Map() };
  for (const row of rows) {
    if (row.g === 3) facets.subtask.set(row.subtask ?? "", row.n);
    else if (row.g === 5) facets.role.set(row.role ?? "", row.n);
    else if (row.g === 6) facets.benchmark.set(row.benchmark ?? "", row.n);
  }
  return facets;
}

/** The run's checkpoint steps, in order. */
export async function findRunSteps(runId: string): Promise<number[]> {
  const { sql } = await getDb();
  const rows = await sql.query<{ step: number }>(`SELECT step FROM checkpoints WHERE run_id = $1::uuid ORDER BY step`, [runId]);
  return rows.map((r) => r.step);
}

/** The run's checkpoint steps in order, with how many images each has. */
export async function countRunSteps(runId: string): Promise<{ step: number; count: number }[]> {
  const { sql } = await getDb();
  return sql.query<{ step: number; count: number }>(
    `SELECT c.step, (SELECT count(*)::int FROM samples s WHERE s.run_id = c.run_id AND s.step = c.step) AS count
     FROM checkpoints c WHERE c.run_id = $1::uuid ORDER BY c.step`,
    [runId],
  );
}

/** Prompts of the project whose text contains `text` (case-insensitive; ILIKE, no trigram index). */
export async function findPromptIdsMatching(projectId: string, text: string, limit: number): Promise<string[]> {
  const { sql } = await getDb();
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await sql.query<{ id: string }>(`SELECT id FROM prompts WHERE project_id = $1::uuid AND text ILIKE $2 LIMIT $3`, [projectId, pattern, limit]);
  return rows.map((r) => r.id);
}
