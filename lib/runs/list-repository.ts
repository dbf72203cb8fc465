import "server-only";

import { getDb } from "@/lib/db/client";
import type { TSqlParam } from "@/lib/db/sql";

import type { TRunCursor, TRunListQuery, TRunSort } from "./list-query";

// The runs table: filters, a sort on the latest Gen / Und / Non (nulls last) or on date or name,
// and keyset paging, in raw SQL because Prisma cannot express "nulls last" keysets. Measured with
// 10,000 runs in one project: see scripts/bench/charts.ts.

export type TRunPageRow = {
  id: string;
  name: string;
  method: string;
  tags: string[];
  status: "running" | "finished" | "failed";
  baseline_run_id: string | null;
  /** ISO 8601 in UTC (Prisma stores timestamps as UTC). */
  created_iso: string;
  baseline_name: string | null;
  latest_step: number | null;
  gen: number | null;
  gen_n: number | null;
  und: number | null;
  und_n: number | null;
  non: number | null;
  non_n: number | null;
  non_series: unknown;
  benchmarks: string[] | null;
  sort_value: string | number | null;
};

const SORT_COLUMN: Record<TRunSort, string> = { created: "r.created_at", name: "r.name", gen: "s.gen", und: "s.und", non: "s.non" };

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filters(projectId: string, query: TRunListQuery) {
  const params: TSqlParam[] = [projectId];
  const where = ["r.project_id = $1::uuid"];
  const add = (sql: (p: string) => string, value: TSqlParam) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.q) add((p) => `r.name ILIKE ${p}`, `%${escapeLike(query.q)}%`);
  if (query.name) add((p) => `r.name = ${p}`, query.name);
  if (query.method) add((p) => `r.method = ${p}`, query.method);
  if (query.tag) add((p) => `r.tags @> ARRAY[${p}::text]`, query.tag);
  if (query.status) add((p) => `r.status = ${p}::run_status`, query.status);
  if (query.benchmark) add((p) => `s.benchmarks @> ARRAY[${p}::text]`, query.benchmark);
  return { params, where, add };
}

const FROM = `FROM runs r LEFT JOIN run_stats s ON s.run_id = r.id`;

export async function findRunPage(projectId: string, query: TRunListQuery, cursor: TRunCursor | null, limit: number): Promise<TRunPageRow[]> {
  const { sql } = await getDb();
  const { params, where, add } = filters(projectId, query);
  const col = SORT_COLUMN[query.sort];
  const dir = query.dir === "asc" ? "ASC" : "DESC";
  const cmp = query.dir === "asc" ? ">" : "<";
  const cast = query.sort === "created" ? "::timestamp" : query.sort === "name" ? "::text" : "::float8";
  if (cursor) {
    if (cursor.value === null) {
      add((p) => `(${col} IS NULL AND r.id ${cmp} ${p}::uuid)`, cursor.id);
    } else {
      params.push(cursor.value);
      const v = `$${params.length}${cast}`;
      add((p) => `(${col} IS NULL OR ${col} ${cmp} ${v} OR (${col} = ${v} AND r.id ${cmp} ${p}::uuid))`, cursor.id);
    }
  }
  params.push(limit);
  // Sort and cut on the narrow join first; details (baseline name, sparkline, dates) only for the page.
  return sql.query<TRunPageRow>(
    `WITH page AS (
       SELECT r.id ${FROM} WHERE ${where.join(" AND ")}
       ORDER BY (${col} IS NULL), ${col} ${dir}, r.id ${dir} LIMIT $${params.length})
     SELECT r.id, r.name, r.method, r.tags, r.status::text AS status, r.baseline_run_id, b.name AS baseline_name,
       to_char(r.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_iso,
       s.latest_step, s.gen, s.gen_n, s.und, s.und_n, s.non, s.non_n, s.non_series, s.benchmarks, ${col}${query.sort === "created" ? "::text" : ""} AS sort_value
     FROM page JOIN runs r ON r.id = page.id LEFT JOIN run_stats s ON s.run_id = r.id LEFT JOIN runs b ON b.id = r.baseline_run_id
     ORDER BY (${col} IS NULL), ${col} ${dir}, r.id ${dir}`,
    params,
  );
}

export async function countRunPage(projectId: string, query: TRunListQuery): Promise<number> {
  const { sql } = await getDb();
  const { params, where } = filters(projectId, query);
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} WHERE ${where.join(" AND ")}`, params);
  return row?.n ?? 0;
}

/** The values the filter menus offer: methods, tags and benchmarks present in the project. */
export async function findRunFacets(projectId: string) {
  const { sql } = await getDb();
  const [methods, tags, benchmarks] = await Promise.all([
    sql.query<{ v: string }>(`SELECT DISTINCT method AS v FROM runs WHERE project_id = $1::uuid ORDER BY 1 LIMIT 200`, [projectId]),
    sql.query<{ v: string }>(`SELECT DISTINCT unnest(tags) AS v FROM runs WHERE project_id = $1::uuid ORDER BY 1 LIMIT 200`, [projectId]),
    sql.query<{ v: string }>(`SELECT DISTINCT unnest(s.benchmarks) AS v ${FROM} WHERE r.project_id = $1::uuid ORDER BY 1 LIMIT 200`, [projectId]),
  ]);
  return { methods: methods.map((r) => r.v), tags: tags.map((r) => r.v), benchmarks: benchmarks.map((r) => r.v) };
}
