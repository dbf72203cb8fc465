import "server-only";

import { forgetJudgeChoice } from "@/lib/metrics/judge-choice-cache";
import { refreshRunStat } from "@/lib/metrics/service";

import { scheduleRollupRefresh } from "./rollup-refresh";

/**
 * Runs after a batch of samples or judgments has committed. Checkpoints are already written inside
 * the batch's own transaction (so they are atomic with it); the runs table's cached figures
 * (run_stats) are derived by the metrics engine. Recomputing them reads every judgment of the run,
 * so it is not done per batch: calls are coalesced per run, debounced by `UNIGAP_RUN_STAT_DELAY_MS`
 * (default 1500 ms) and never overlap, and the batch's response does not wait for them. A failed
 * refresh is logged and retried by the next batch. Keep this the single call site.
 */
const DELAY_MS = Number(process.env.UNIGAP_RUN_STAT_DELAY_MS ?? 1500);

type TPending = { timer: NodeJS.Timeout | null; running: Promise<void> | null; again: boolean };
const STATE_KEY = Symbol.for("unigap.runStatRefresh");
const pending = ((globalThis as Record<symbol, Map<string, TPending>>)[STATE_KEY] ??= new Map());

export async function afterSamplesIngested(runId: string): Promise<void> {
  forgetJudgeChoice(runId);
  const entry = pending.get(runId) ?? { timer: null, running: null, again: false };
  pending.set(runId, entry);
  if (entry.running) {
    entry.again = true;
    return;
  }
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = setTimeout(() => start(runId, entry), DELAY_MS);
  entry.timer.unref?.();
}

function start(runId: string, entry: TPending): void {
  entry.timer = null;
  entry.again = false;
  entry.running = refreshRunStat(runId)
    .then(() => undefined)
    .catch((error: unknown) => console.error(`[unigap] refreshing the figures of run ${runId} failed`, error))
    .finally(() => {
      entry.running = null;
      if (entry.again) void afterSamplesIngested(runId);
      else if (!entry.timer) pending.delete(runId);
    });
}

/** Waits until no refresh is scheduled or running (tests, and a graceful shutdown). */
export async function flushRunStatRefreshes(): Promise<void> {
  for (;;) {
    const entries = [...pending.entries()];
    if (entries.length === 0) return;
    for (const [runId, entry] of entries) {
      if (entry.timer) {
        clearTimeout(entry.timer);
        start(runId, entry);
      }
      await entry.running;
    }
  }
}

/** Runs after a batch of metric points has committed: the dense charts' rollups catch up off the request. */
export function afterMetricsIngested(runId: string): void {
  scheduleRollupRefresh(runId);
}
