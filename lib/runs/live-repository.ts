import "server-only";

import { getDb } from "@/lib/db/client";

// run_activity: one narrow row per run whose `version` takes the next value of one global sequence each
// time something a page shows of the run changes. A statement of its own, after the ingest transaction
// committed, so it never lengthens a batch's lock; one statement per batch whatever the number of viewers.

/** Advances the run's version; `data` also stamps last_data_at (a batch of samples, judgments or metrics). */
export async function bumpRunActivity(runId: string, data: boolean): Promise<void> {
  const { sql } = await getDb();
  await sql.query(
    `INSERT INTO run_activity (run_id, project_id, last_data_at)
     SELECT id, project_id, CASE WHEN $2::boolean THEN now() AT TIME ZONE 'UTC' END FROM runs WHERE id = $1::uuid
     ON CONFLICT (run_id) DO UPDATE SET version = EXCLUDED.version, last_data_at = COALESCE(EXCLUDED.last_data_at, run_activity.last_data_at)`,
    [runId, data],
  );
}

export type TRunActivity = {
  id: string;
  projectId: string;
  status: "running" | "finished" | "failed";
  heartbeatAt: Date | null;
  createdAt: Date;
  /** "0" before anything was recorded. */
  version: string;
  lastDataAt: Date | null;
};

/**
 * The run's version with what liveness needs: one primary-key join in plain SQL (every open page asks
 * this every few seconds; Prisma's per-query overhead was most of the poll's cost in bench:live).
 */
export async function findRunActivity(runId: string): Promise<TRunActivity | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<{
    id: string;
    project_id: string;
    status: TRunActivity["status"];
    heartbeat_ms: string | null;
    created_ms: string;
    version: string;
    last_data_ms: string | null;
  }>(
    `SELECT r.id::text AS id, r.project_id::text AS project_id, r.status::text AS status,
       (extract(epoch FROM r.heartbeat_at) * 1000)::bigint::text AS heartbeat_ms, (extract(epoch FROM r.created_at) * 1000)::bigint::text AS created_ms,
       coalesce(a.version, 0)::text AS version, (extract(epoch FROM a.last_data_at) * 1000)::bigint::text AS last_data_ms
     FROM runs r LEFT JOIN run_activity a ON a.run_id = r.id WHERE r.id = $1::uuid`,
    [runId],
  );
  if (!row) return null;
  const date = (ms: string | null) => (ms === null ? null : new Date(Number(ms)));
  return {
    id: row.id,
    projectId: row.project_id,
    status: row.status,
    heartbeatAt: date(row.heartbeat_ms),
    createdAt: date(row.created_ms)!,
    version: row.version,
    lastDataAt: date(row.last_data_ms),
  };
}

/**
 * The project's version: the sum of its runs' versions (optionally of some runs only) and their number.
 * Versions only grow, so any change of any run changes the sum, even one whose sequence value was drawn
 * before another run's but committed after it (a max would miss that one). An index-only scan.
 */
export async function findProjectActivity(projectId: string, runIds: readonly string[] | null): Promise<{ sum: bigint; runs: number }> {
  const { prisma } = await getDb();
  const agg = await prisma.runActivity.aggregate({
    where: { projectId, ...(runIds ? { runId: { in: [...runIds] } } : {}) },
    _sum: { version: true },
    _count: { _all: true },
  });
  return { sum: agg._sum.version ?? 0n, runs: agg._count._all };
}

/** Liveness of the running runs among `runIds` of a project (the runs table's last-data marks): one query by primary keys. */
export async function findRunningRunsLiveness(
  projectId: string,
  runIds: readonly string[],
): Promise<{ id: string; heartbeatAt: Date | null; createdAt: Date; lastDataAt: Date | null }[]> {
  if (runIds.length === 0) return [];
  const { sql } = await getDb();
  const rows = await sql.query<{ id: string; heartbeat_ms: string | null; created_ms: string; last_data_ms: string | null }>(
    `SELECT r.id::text AS id,
       (extract(epoch FROM r.heartbeat_at) * 1000)::bigint::text AS heartbeat_ms, (extract(epoch FROM r.created_at) * 1000)::bigint::text AS created_ms,
       (extract(epoch FROM a.last_data_at) * 1000)::bigint::text AS last_data_ms
     FROM runs r LEFT JOIN run_activity a ON a.run_id = r.id
     WHERE r.project_id = $1::uuid AND r.id = ANY($2::uuid[]) AND r.status = 'running'`,
    [projectId, [...runIds]],
  );
  const date = (ms: string | null) => (ms === null ? null : new Date(Number(ms)));
  return rows.map((r) => ({ id: r.id, heartbeatAt: date(r.heartbeat_ms), createdAt: date(r.created_ms)!, lastDataAt: date(r.last_data_ms) }));
}
