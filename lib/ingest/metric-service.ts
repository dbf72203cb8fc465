import "server-only";

import type { TBatchCounts, TConflict } from "@/lib/api/contracts/common";
import type { TLogMetricsRequest } from "@/lib/api/contracts/metrics";
import type { TActor } from "@/lib/auth/actor";
import { withTransaction } from "@/lib/db/transaction";
import { lockRunWrites } from "@/lib/runs/write-lock-repository";

import { assertUniqueKeys, conflictError, diffStated } from "./conflicts";
import { insertMetricPointsReturningExisting, updateMetricPoints, type TMetricInputRow } from "./metric-repository";
import { afterMetricsIngested } from "./after-ingest";
import { requireRun } from "./run-service";

/**
 * Logs a batch of metric points atomically. Natural key (run, key, step): an identical point is
 * unchanged, a different value (or a different wall time, when both are known) is a conflict.
 * Every point is validated; the rollups are refreshed after the commit (charts read exact meanwhile).
 */
export async function logMetricPoints(actor: TActor, runId: string, request: TLogMetricsRequest, overwrite: boolean): Promise<TBatchCounts> {
  const run = await requireRun(actor, runId, "editor");
  assertUniqueKeys(request.points, (p) => `${p.key}\u0000${p.step}`, "points", "key and step");
  const rows: TMetricInputRow[] = request.points.map((p) => ({ key: p.key, step: p.step, value: p.value, wallTime: p.wallTime ?? null }));
  const counts = await withTransaction(async (tx) => {
    await lockRunWrites(tx, run.id);
    const { inserted, existing } = await insertMetricPointsReturningExisting(tx, run.id, rows);
    const conflicts: TConflict[] = existing.flatMap((stored) => {
      const sent = rows[stored.index]!;
      const comparable = { value: sent.value, wallTime: stored.wallTime && sent.wallTime ? sent.wallTime : undefined };
      return diffStated(stored.index, `points.${stored.index}`, stored, comparable, ["value", "wallTime"]);
    });
    if (conflicts.length > 0 && !overwrite) throw conflictError("metric points", conflicts);
    const changed = [...new Set(conflicts.map((c) => c.index))];
    await updateMetricPoints(
      tx,
      run.id,
      changed.map((i) => rows[i]!),
    );
    return { inserted, unchanged: existing.length - changed.length, updated: changed.length };
  });
  // The rows above widened the run's pending range; the rollups catch up after the response.
  if (counts.inserted > 0 || counts.updated > 0) await afterMetricsIngested(run.id);
  return counts;
}
