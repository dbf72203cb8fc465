import "server-only";

import type { TSql } from "@/lib/db/sql";
import { lockRunWrites } from "@/lib/runs/write-lock-repository";

import { ROLLUP_LEVELS } from "./rollup-levels";
import { refreshRollups } from "./rollup-repository";

export type TMetricPointRow = { key: string; step: number; value: number; wallTime: Date | null };

/**
 * Bulk insert through one `INSERT … SELECT FROM unnest(...)` (7–9× faster than createMany here),
 * keeping run_metric_keys and metric_rollups current in the same transaction. Writers of one run
 * are serialised by an advisory lock so two concurrent batches cannot each recompute a block
 * without the other's points. Existing (run, key, step) rows are left as they are; the caller
 * decides what a conflict means.
 */
export async function insertMetricPoints(sql: TSql, runId: string, points: readonly TMetricPointRow[]): Promise<number> {
  if (points.length === 0) return 0;
  return sql.transaction(async (tx) => {
    await lockRunWrites(tx, runId);
    const inserted = await tx.execute(
      `INSERT INTO metric_points (run_id, key, step, value, wall_time)
       SELECT $1::uuid, k, s, v, w FROM unnest($2::text[], $3::int[], $4::float8[], $5::timestamptz[]) AS t(k, s, v, w)
       ON CONFLICT (run_id, key, step) DO NOTHING`,
      [runId, points.map((p) => p.key), points.map((p) => p.step), points.map((p) => p.value), points.map((p) => p.wallTime)],
    );
    await refreshRollups(tx, runId, points);
    await refreshMetricKeys(tx, runId, [...new Set(points.map((p) => p.key))]);
    return inserted;
  });
}

/** Per-key count and step range, read off the coarsest rollup level instead of counting points. */
export async function refreshMetricKeys(sql: TSql, runId: string, keys: readonly string[]): Promise<void> {
  const coarsest = ROLLUP_LEVELS[ROLLUP_LEVELS.length - 1]!.width;
  await sql.execute(
    `INSERT INTO run_metric_keys (run_id, key, count, min_step, max_step, updated_at)
     SELECT r.run_id, r.key, sum(r.count)::int,
       (SELECT min(p.step) FROM metric_points p WHERE p.run_id = r.run_id AND p.key = r.key), max(r.last_step), now()
     FROM metric_rollups r
     WHERE r.run_id = $1::uuid AND r.key = ANY($2::text[]) AND r.width = ${coarsest} GROUP BY r.run_id, r.key
     ON CONFLICT (run_id, key) DO UPDATE SET count = EXCLUDED.count, min_step = EXCLUDED.min_step,
       max_step = EXCLUDED.max_step, updated_at = EXCLUDED.updated_at`,
    [runId, keys],
  );
}
