import "server-only";

import type { TSql } from "@/lib/db/sql";

export type TMetricInputRow = { key: string; step: number; value: number; wallTime: Date | null };
export type TStoredMetric = { index: number; value: number; wallTime: Date | null };

/**
 * Inserts a batch's points, keeps run_metric_keys current incrementally (no rescan of the run's
 * points) and widens each key's pending range (the steps metric_rollups do not cover yet;
 * `lib/ingest/rollup-refresh.ts` rolls them up after the batch). Returns the points that existed
 * before, so the caller can tell identical re-sends from conflicts.
 */
export async function insertMetricPointsReturningExisting(
  tx: TSql,
  runId: string,
  points: readonly TMetricInputRow[],
): Promise<{ inserted: number; existing: TStoredMetric[] }> {
  // One JSON parameter instead of five array literals: node-postgres builds array literals by string
  // concatenation, which left a 10,000-point batch with several times its size in garbage.
  const payload = JSON.stringify(points.map((p) => [p.key, p.step, encodeFloat(p.value), p.wallTime?.toISOString() ?? null]));
  // Most batches are all new points: a plain INSERT (no speculative insertion per row) inside a
  // savepoint. A point already stored fails it with a unique violation; the batch then takes the
  // ON CONFLICT path, which reports what was there.
  await tx.execute(`SAVEPOINT metric_batch`);
  try {
    const [row] = await tx.query<{ n: number }>(
      `WITH input AS (${INPUT}), inserted AS (
         INSERT INTO metric_points (run_id, key, step, value, wall_time) SELECT $1::uuid, key, step, value, wall_time FROM input
         RETURNING key, step
       ), keys AS (${UPSERT_KEYS})
       SELECT count(*)::int AS n FROM inserted`,
      [runId, payload],
    );
    await tx.execute(`RELEASE SAVEPOINT metric_batch`);
    return { inserted: row?.n ?? 0, existing: [] };
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await tx.execute(`ROLLBACK TO SAVEPOINT metric_batch`);
  }
  return insertSkippingExisting(tx, runId, payload);
}

const UNIQUE_VIOLATION = "23505";
const INPUT = `SELECT e->>0 AS key, (e->>1)::int AS step, (e->>2)::float8 AS value, (e->>3)::timestamptz AS wall_time, (ord - 1)::int AS i
       FROM json_array_elements($2::json) WITH ORDINALITY AS t(e, ord)`;
// LEAST/GREATEST skip NULLs: a key whose rollups were current starts its pending range afresh.
const UPSERT_KEYS = `INSERT INTO run_metric_keys (run_id, key, count, min_step, max_step, updated_at, pending_from, pending_to, pending_seq)
       SELECT $1::uuid, key, count(*)::int, min(step), max(step), now(), min(step), max(step), 1 FROM inserted GROUP BY key
       ON CONFLICT (run_id, key) DO UPDATE SET count = run_metric_keys.count + EXCLUDED.count,
         min_step = LEAST(run_metric_keys.min_step, EXCLUDED.min_step),
         max_step = GREATEST(run_metric_keys.max_step, EXCLUDED.max_step), updated_at = EXCLUDED.updated_at,
         pending_from = LEAST(run_metric_keys.pending_from, EXCLUDED.pending_from),
         pending_to = GREATEST(run_metric_keys.pending_to, EXCLUDED.pending_to), pending_seq = run_metric_keys.pending_seq + 1`;

/** One statement: inserts the new points and returns the stored ones (its snapshot predates the insert). */
async function insertSkippingExisting(tx: TSql, runId: string, payload: string): Promise<{ inserted: number; existing: TStoredMetric[] }> {
  const rows = await tx.query<{ i: number; value: number | null; wall_time: Date | null }>(
    `WITH input AS (${INPUT}), inserted AS (
       INSERT INTO metric_points (run_id, key, step, value, wall_time)
       SELECT $1::uuid, key, step, value, wall_time FROM input
       ON CONFLICT (run_id, key, step) DO NOTHING
       RETURNING key, step
     ), keys AS (${UPSERT_KEYS})
     SELECT -1 AS i, (SELECT count(*) FROM inserted)::float8 AS value, NULL::timestamptz AS wall_time
     UNION ALL
     SELECT input.i, m.value, m.wall_time FROM input
     JOIN metric_points m ON m.run_id = $1::uuid AND m.key = input.key AND m.step = input.step`,
    [runId, payload],
  );
  const [head, ...existing] = rows;
  return {
    inserted: Number(head?.value ?? 0),
    existing: existing.map((r) => ({ index: r.i, value: Number(r.value), wallTime: r.wall_time ? new Date(r.wall_time) : null })),
  };
}

/** float8 as JSON: NaN and the infinities as the strings PostgreSQL reads back as float8. */
function encodeFloat(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

/**
 * Replaces stored points (overwrite); a point sent without a wall time keeps the stored one. The
 * changed steps join their keys' pending ranges, so charts read them raw until the rollups catch up.
 */
export async function updateMetricPoints(tx: TSql, runId: string, points: readonly TMetricInputRow[]): Promise<number> {
  if (points.length === 0) return 0;
  const [row] = await tx.query<{ n: number }>(
    `WITH t AS (SELECT * FROM unnest($2::text[], $3::int[], $4::float8[], $5::timestamptz[]) AS t(key, step, value, wall_time)),
     updated AS (
       UPDATE metric_points m SET value = t.value, wall_time = COALESCE(t.wall_time, m.wall_time)
       FROM t WHERE m.run_id = $1::uuid AND m.key = t.key AND m.step = t.step
       RETURNING m.key, m.step
     ), marked AS (
       UPDATE run_metric_keys k SET pending_from = LEAST(k.pending_from, u.lo), pending_to = GREATEST(k.pending_to, u.hi),
         pending_seq = k.pending_seq + 1
       FROM (SELECT key, min(step) AS lo, max(step) AS hi FROM updated GROUP BY key) u
       WHERE k.run_id = $1::uuid AND k.key = u.key
     )
     SELECT count(*)::int AS n FROM updated`,
    [runId, points.map((p) => p.key), points.map((p) => p.step), points.map((p) => p.value), points.map((p) => p.wallTime)],
  );
  return row?.n ?? 0;
}
