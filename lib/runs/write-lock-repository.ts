import "server-only";

import type { TSql } from "@/lib/db/sql";

/**
 * Serialises every writer of one run (a transaction-scoped advisory lock): a retried batch racing its
 * own first attempt sees the committed rows and reports them unchanged, and two metric batches never
 * recompute one rollup block without each other's points.
 */
export async function lockRunWrites(tx: TSql, runId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [runId]);
}
