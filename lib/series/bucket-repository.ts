import "server-only";

import { getDb } from "@/lib/db/client";

import type { TBucketGrid } from "./bucket-grid";

// The dense-curve query: one statement per panel, every run on the same grid. Per bucket: how many
// points, how many were NaN/±Infinity, min and max of the finite ones, and the last point (step,
// value, wall time). Built from raw points for narrow buckets and from metric_rollups otherwise.

export type TBucketRow = {
  run_id: string;
  bucket: number;
  n: number;
  non_finite: number;
  min: number | null;
  max: number | null;
  last_step: number;
  last_value: number;
  /** ms since the epoch. */
  last_wall: number | null;
};

const NON_FINITE = `('NaN', 'Infinity', '-Infinity')`;

/**
 * `anyPending`: some of the runs have points the rollups do not cover yet (run_metric_keys'
 * pending range); their buckets then combine rollups outside that range with raw points inside it.
 */
export async function queryBuckets(runIds: readonly string[], key: string, grid: TBucketGrid, anyPending = false): Promise<TBucketRow[]> {
  if (runIds.length === 0) return [];
  const { sql } = await getDb();
  const params = [runIds, key, grid.from, grid.to, grid.width];
  if (grid.level && anyPending) return sql.query<TBucketRow>(bucketsWithPendingSql(grid.level.width, grid.level.shift), params);
  if (!grid.level) {
    return sql.query<TBucketRow>(
      `WITH b AS (
         SELECT run_id, (step - $3::int) / $5::int AS bucket, count(*)::int AS n,
           count(*) FILTER (WHERE value IN ${NON_FINITE})::int AS non_finite,
           min(value) FILTER (WHERE value NOT IN ${NON_FINITE}) AS min,
           max(value) FILTER (WHERE value NOT IN ${NON_FINITE}) AS max, max(step) AS last_step
         FROM metric_points WHERE run_id = ANY($1::uuid[]) AND key = $2 AND step BETWEEN $3::int AND $4::int
         GROUP BY run_id, bucket)
       SELECT b.*, l.value AS last_value, (extract(epoch FROM l.wall_time) * 1000)::float8 AS last_wall FROM b
       CROSS JOIN LATERAL (SELECT p.value, p.wall_time FROM metric_points p WHERE p.run_id = b.run_id AND p.key = $2 AND p.step = b.last_step) l
       ORDER BY b.run_id, b.bucket`,
      params,
    );
  }
  const { width, shift } = grid.level;
  return sql.query<TBucketRow>(
    `WITH b AS (
       SELECT run_id, (block * ${width} - $3::int) / $5::int AS bucket, sum(count)::int AS n, sum(non_finite)::int AS non_finite,
         min(min) AS min, max(max) AS max, max(last_step) AS last_step
       FROM metric_rollups WHERE run_id = ANY($1::uuid[]) AND key = $2 AND width = ${width}
         AND block BETWEEN $3::int >> ${shift} AND $4::int >> ${shift}
       GROUP BY run_id, bucket)
     SELECT b.*, l.last_value, (extract(epoch FROM l.last_wall) * 1000)::float8 AS last_wall FROM b
     CROSS JOIN LATERAL (SELECT r.last_value, r.last_wall FROM metric_rollups r
       WHERE r.run_id = b.run_id AND r.key = $2 AND r.width = ${width} AND r.block = b.last_step >> ${shift}) l
     ORDER BY b.run_id, b.bucket`,
    params,
  );
}

// Rollup blocks that overlap a run's pending range may lack its newest points: those blocks are left
// out and the same whole blocks are aggregated from raw points instead, so every bucket is an exact
// union of fresh blocks and raw steps. Runs without a pending range read rollups only.
function bucketsWithPendingSql(width: number, shift: number): string {
  return `WITH pend AS (
       SELECT run_id, pending_from >> ${shift} AS blo, pending_to >> ${shift} AS bhi FROM run_metric_keys
       WHERE run_id = ANY($1::uuid[]) AND key = $2 AND pending_from IS NOT NULL
     ), parts AS (
       SELECT r.run_id, (r.block * ${width} - $3::int) / $5::int AS bucket, r.count AS n, r.non_finite, r.min, r.max,
         r.last_step, r.last_value, r.last_wall
       FROM metric_rollups r LEFT JOIN pend p ON p.run_id = r.run_id
       WHERE r.run_id = ANY($1::uuid[]) AND r.key = $2 AND r.width = ${width}
         AND r.block BETWEEN $3::int >> ${shift} AND $4::int >> ${shift}
         AND (p.run_id IS NULL OR r.block < p.blo OR r.block > p.bhi)
       UNION ALL
       SELECT m.run_id, (m.step - $3::int) / $5::int, 1, (m.value IN ${NON_FINITE})::int,
         CASE WHEN m.value NOT IN ${NON_FINITE} THEN m.value END, CASE WHEN m.value NOT IN ${NON_FINITE} THEN m.value END,
         m.step, m.value, m.wall_time
       FROM pend p JOIN metric_points m ON m.run_id = p.run_id AND m.key = $2
         AND m.step BETWEEN GREATEST($3::int, p.blo << ${shift}) AND LEAST($4::int, ((p.bhi + 1) << ${shift}) - 1)
     )
     SELECT run_id, bucket, sum(n)::int AS n, sum(non_finite)::int AS non_finite, min(min) AS min, max(max) AS max,
       max(last_step) AS last_step, (array_agg(last_value ORDER BY last_step DESC))[1] AS last_value,
       (extract(epoch FROM (array_agg(last_wall ORDER BY last_step DESC))[1]) * 1000)::float8 AS last_wall
     FROM parts GROUP BY run_id, bucket ORDER BY run_id, bucket`;
}

/** Every point of one run's key in a step range, unbucketed: what the bucketed query replaces (benchmarks). */
export async function queryRawSeries(runId: string, key: string, from: number, to: number) {
  const { sql } = await getDb();
  return sql.query<{ step: number; value: number }>(
    `SELECT step, value FROM metric_points WHERE run_id = $1::uuid AND key = $2 AND step BETWEEN $3::int AND $4::int ORDER BY step`,
    [runId, key, from, to],
  );
}

export type TKeyExtentRow = { run_id: string; count: number; min_step: number; max_step: number };
export type TPanelRunRow = TKeyExtentRow & { t0: number | null; spe: number | null; pending_from: number | null };

/**
 * Per run that logged `key`: its point count and step range (run_metric_keys), the wall time of its
 * first point (zero of the relative-time axis) and its steps per epoch fitted through the origin on
 * the checkpoints that record an epoch. One round trip.
 */
export async function findPanelRuns(runIds: readonly string[], key: string): Promise<TPanelRunRow[]> {
  const { sql } = await getDb();
  return sql.query<TPanelRunRow>(
    `SELECT k.run_id, k.count, k.min_step, k.max_step, k.pending_from,
       (SELECT (extract(epoch FROM p.wall_time) * 1000)::float8 FROM metric_points p WHERE p.run_id = k.run_id AND p.key = k.key AND p.step = k.min_step) AS t0,
       (SELECT sum(c.step::float8 * c.epoch) / sum(c.epoch * c.epoch) FROM checkpoints c WHERE c.run_id = k.run_id AND c.epoch > 0) AS spe
     FROM run_metric_keys k WHERE k.run_id = ANY($1::uuid[]) AND k.key = $2`,
    [runIds, key],
  );
}

export async function findMetricKeys(runIds: readonly string[]) {
  const { sql } = await getDb();
  return sql.query<TKeyExtentRow & { key: string }>(
    `SELECT run_id, key, count, min_step, max_step FROM run_metric_keys WHERE run_id = ANY($1::uuid[]) ORDER BY key`,
    [runIds],
  );
}
