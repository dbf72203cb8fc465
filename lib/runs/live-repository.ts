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

/** The run's version (null before anything was recorded) with what liveness needs; one primary-key lookup. */
export async function findRunActivity(runId: string) {
  const { prisma } = await getDb();
  return prisma.run.findUnique({
    where: { id: runId },
    select: { id: true, projectId: true, status: true, heartbeatAt: true, createdAt: true, activity: { select: { version: true, lastDataAt: true } } },
  });
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
