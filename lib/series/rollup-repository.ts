import "server-only";

import { getDb } from "@/lib/db/client";
import type { TSql } from "@/lib/db/sql";

import { ROLLUP_LEVELS } from "./rollup-levels";

// Keeps metric_rollups current after points are written: the blocks a write touched are recomputed
// from the level below (points for the finest level), so the result is the same however the points
// arrived. Touched blocks are grouped into contiguous ranges and each range is one index range scan
// (a LATERAL subquery: a plain join lets the planner pick a merge join over the whole run).
// Writers only widen run_metric_keys' pending range; rollUpPendingPoints turns it into blocks (inside
// the seed path's transaction, or after an API batch commits: lib/ingest/rollup-refresh.ts).

const NON_FINITE = `('NaN', 'Infinity', '-Infinity')`;

type TBlockRange = { key: string; lo: number; hi: number };

/**
 * Rolls up the pending steps of a run (run_metric_keys.pending_from/to, widened by every batch that
 * wrote points) and clears each key's range only if no batch widened it meanwhile (pending_seq), so
 * a batch committing during the refresh stays pending and charts keep reading its points raw. The
 * refreshers of one run are serialised (their own advisory lock); writers are not blocked.
 * Returns how many keys were rolled up.
 */
export async function rollUpPendingPoints(runId: string, sql?: TSql): Promise<number> {
  const db = sql ?? (await getDb()).sql;
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 8))`, [runId]);
    const pending = await tx.query<{ key: string; lo: number; hi: number; seq: number }>(
      `SELECT key, pending_from AS lo, pending_to AS hi, pending_seq AS seq FROM run_metric_keys WHERE run_id = $1::uuid AND pending_from IS NOT NULL`,
      [runId],
    );
    if (pending.length === 0) return 0;
    const { shift } = ROLLUP_LEVELS[0]!;
    await refreshBlockRanges(
      tx,
      runId,
      pending.map((p) => ({ key: p.key, lo: p.lo >> shift, hi: p.hi >> shift })),
    );
    // SKIP LOCKED: a key row locked by a batch still in flight is that batch's to widen again; waiting
    // for it while holding rollup rows could deadlock against nothing useful.
    await tx.execute(
      `UPDATE run_metric_keys k SET pending_from = NULL, pending_to = NULL
       WHERE (k.run_id, k.key) IN (
         SELECT c.run_id, c.key FROM run_metric_keys c JOIN unnest($2::text[], $3::int[]) AS t(key, seq) ON c.key = t.key AND c.pending_seq = t.seq
         WHERE c.run_id = $1::uuid FOR UPDATE OF c SKIP LOCKED)`,
      [runId, pending.map((p) => p.key), pending.map((p) => p.seq)],
    );
    return pending.length;
  });
}

async function refreshBlockRanges(sql: TSql, runId: string, finestRanges: TBlockRange[]): Promise<void> {
  let ranges = finestRanges;
  await refreshFinestLevel(sql, runId, ranges);
  for (let i = 1; i < ROLLUP_LEVELS.length; i++) {
    const shift = ROLLUP_LEVELS[i]!.shift - ROLLUP_LEVELS[i - 1]!.shift;
    ranges = toRanges(
      ranges.flatMap((r) => [
        { key: r.key, block: r.lo >> shift },
        { key: r.key, block: r.hi >> shift },
      ]),
      true,
    );
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
