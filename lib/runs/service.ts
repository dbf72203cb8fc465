import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireProjectRole } from "@/lib/auth/permissions";

import { decodeCursor, encodeCursor, MAX_RUNS_PAGE, RUNS_PAGE_SIZE, TABLE_LOW_N, type TRunListQuery } from "./list-query";
import { countRunPage, findRunFacets, findRunPage, type TRunPageRow } from "./list-repository";
import { parseNonSeries } from "./sparkline";
import type { TRunPageDTO, TRunRowDTO } from "./types";

/**
 * The one way runs are listed: the runs table, the API's `GET /api/v1/runs` and every run picker read
 * pages of this. Filtered, sorted (latest Gen / Und / Non with nulls last, date or name) and
 * keyset-paged, so page 200 of 10,000 runs costs what page 1 costs. `limit` above the table's page
 * size serves pickers (at most MAX_RUNS_PAGE; `total` says how many there are in all); `facets: false`
 * skips the filter menus' values for callers that show none.
 */
export async function listRunsPage(
  actor: TActor,
  projectId: string,
  query: TRunListQuery,
  options: { limit?: number; facets?: boolean } = {},
): Promise<TRunPageDTO> {
  await requireProjectRole(actor, projectId, "viewer");
  const limit = Math.min(Math.max(1, options.limit ?? RUNS_PAGE_SIZE), MAX_RUNS_PAGE);
  const cursor = decodeCursor(query.after);
  const [rows, total, facets] = await Promise.all([
    findRunPage(projectId, query, cursor, limit + 1),
    countRunPage(projectId, query),
    options.facets === false ? NO_FACETS : findRunFacets(projectId),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ value: last.sort_value, id: last.id }) : null;
  return { runs: page.map(toRunRow), total, nextCursor, facets };
}

const NO_FACETS: TRunPageDTO["facets"] = { methods: [], tags: [], benchmarks: [] };

function figure(value: number | null, n: number | null) {
  return { value, n: n ?? 0, lowN: value !== null && (n ?? 0) < TABLE_LOW_N };
}

function toRunRow(row: TRunPageRow): TRunRowDTO {
  return {
    id: row.id,
    name: row.name,
    method: row.method,
    tags: row.tags,
    status: row.status,
    baselineRunId: row.baseline_run_id,
    createdAt: row.created_iso,
    baselineName: row.baseline_name,
    latestStep: row.latest_step,
    gen: figure(row.gen, row.gen_n),
    und: figure(row.und, row.und_n),
    non: figure(row.non, row.non_n),
    nonSeries: parseNonSeries(row.non_series ?? []),
    benchmarks: row.benchmarks ?? [],
  };
}
