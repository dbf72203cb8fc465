import "server-only";

import type { TSql } from "@/lib/db/sql";

import { ROLLUP_LEVELS } from "./rollup-levels";

// Keeps metric_rollups current after points are written: the blocks a write touched are recomputed
// from the level below (points for the finest level), so the result is the same however the points
// arrived. Touched blocks are grouped into contiguous ranges and each range is one index range scan
// (a LATERAL subquery: a plain join lets the planner pick a merge join over the whole run).
// Callers hold the run's write lock (see insertMetricPoints).

const NON_FINITE = `('NaN', 'Infinity', '-Infinity')`;

type TBlockRange = { key: string; lo: number; hi: number };

export async function refreshRollups(sql: TSql, runId: string, points: readonly { key: string; step: number }[]): Promise<void> {
  const finest = ROLLUP_LEVELS[0]!;
  let ranges = toRanges(points.map((p) => ({ key: p.key, block: p.step >> finest.shift })));
  await refreshFinestLevel(sql, runId, ranges);
  for (let i = 1; i < ROLLUP_LEVELS.length; i++) {
    const shift = ROLLUP_LEVELS[i]!.shift - ROLLUP_LEVELS[i - 1]!.shift;
    ranges = toRanges(ranges.flatMap((r) => [{ key: r.key, block: r.lo >> shift }, { key: r.key, block: r.hi >> shift }]), true);
    await refreshCoarserLevel(sql, runId, ROLLUP_LEVELS[i - 1]!.width, ROLLUP_LEVELS[i]!.width, shift, ranges);
  }
}

/** Sorted, merged runs of consecutive blocks per key; `fill` treats each pair as a closed range. */
export function toRanges(blocks: readonly { key: string; block: number }[], fill = false): TBlockRange[] {
  const byKey = new Map<string, number[]>();
  for (const b of blocks) {
    const list = byKey.get(b.key) ?? [];
    list.push(b.block);
    byKey.set(b.key, list);
  }
  const ranges: TBlockRange[] = [];
  for (const [key, list] of byKey) {
    const pairs = fill ? pairsOf(list) : list.map((b) => [b, b] as const);
    const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
    let current: TBlockRange | null = null;
    for (const [lo, hi] of sorted) {
      if (current && lo <= current.hi + 1) current.hi = Math.max(current.hi, hi);
      else ranges.push((current = { key, lo, hi }));
    }
  }
  return ranges;
}

function pairsOf(list: readonly number[]): (readonly [number, number])[] {
  const pairs: (readonly [number, number])[] = [];
  for (let i = 0; i + 1 < list.length; i += 2) pairs.push([list[i]!, list[i + 1]!]);
  return pairs;
}

const UPSERT = `ON CONFLICT (run_id, key, width, block) DO UPDATE SET count = EXCLUDED.count, non_finite = EXCLUDED.non_finite,
  min = EXCLUDED.min, max = EXCLUDED.max, last_step = EXCLUDED.last_step, last_value = EXCLUDED.last_value, last_wall = EXCLUDED.last_wall`;

async function refreshFinestLevel(sql: TSql, runId: string, ranges: readonly TBlockRange[]) {
  const { width, shift } = ROLLUP_LEVELS[0]!;
  await sql.execute(
    `INSERT INTO metric_rollups (run_id, key, width, block, count, non_finite, min, max, last_step, last_value, last_wall)
     SELECT $1::uuid, t.k, ${width}, a.block, a.n, a.non_finite, a.min, a.max, a.last_step, a.last_value, a.last_wall
     FROM unnest($2::text[], $3::int[], $4::int[]) AS t(k, lo, hi)
     CROSS JOIN LATERAL (
       SELECT p.step >> ${shift} AS block, count(*)::int AS n, count(*) FILTER (WHERE p.value IN ${NON_FINITE})::int AS non_finite,
         min(p.value) FILTER (WHERE p.value NOT IN ${NON_FINITE}) AS min, max(p.value) FILTER (WHERE p.value NOT IN ${NON_FINITE}) AS max,
         max(p.step) AS last_step, (array_agg(p.value ORDER BY p.step DESC))[1] AS last_value,
         (array_agg(p.wall_time ORDER BY p.step DESC))[1] AS last_wall
       FROM metric_points p
       WHERE p.run_id = $1::uuid AND p.key = t.k AND p.step BETWEEN t.lo * ${width} AND t.hi * ${width} + ${width - 1}
       GROUP BY p.step >> ${shift}) a
     ${UPSERT}`,
    [runId, ranges.map((r) => r.key), ranges.map((r) => r.lo), ranges.map((r) => r.hi)],
  );
}

async function refreshCoarserLevel(sql: TSql, runId: string, belowWidth: number, width: number, shift: number, ranges: readonly TBlockRange[]) {
  const fanOut = 1 << shift;
  await sql.execute(
    `INSERT INTO metric_rollups (run_id, key, width, block, count, non_finite, min, max, last_step, last_value, last_wall)
     SELECT $1::uuid, t.k, ${width}, a.block, a.n, a.non_finite, a.min, a.max, a.last_step, a.last_value, a.last_wall
     FROM unnest($2::text[], $3::int[], $4::int[]) AS t(k, lo, hi)
     CROSS JOIN LATERAL (
       SELECT r.block >> ${shift} AS block, sum(r.count)::int AS n, sum(r.non_finite)::int AS non_finite, min(r.min) AS min, max(r.max) AS max,
         max(r.last_step) AS last_step, (array_agg(r.last_value ORDER BY r.last_step DESC))[1] AS last_value,
         (array_agg(r.last_wall ORDER BY r.last_step DESC))[1] AS last_wall
       FROM metric_rollups r
       WHERE r.run_id = $1::uuid AND r.key = t.k AND r.width = ${belowWidth} AND r.block BETWEEN t.lo * ${fanOut} AND t.hi * ${fanOut} + ${fanOut - 1}
       GROUP BY r.block >> ${shift}) a
     ${UPSERT}`,
    [runId, ranges.map((r) => r.key), ranges.map((r) => r.lo), ranges.map((r) => r.hi)],
  );
}
