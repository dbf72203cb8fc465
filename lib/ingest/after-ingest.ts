import "server-only";

import { evaluateRunAlerts } from "@/lib/alerts/service";
import { ADVISORY_LOCK_KEYS } from "@/lib/db/advisory-lock";
import { forgetJudgeChoice } from "@/lib/metrics/judge-choice-cache";
import { refreshRunStat } from "@/lib/metrics/service";
import { bumpRunActivity } from "@/lib/runs/live-repository";

import { createCoalescedRefresh } from "./coalesced-refresh";
import { scheduleRollupRefresh } from "./rollup-refresh";
import { singleFlightAcrossServers } from "./single-flight";

/**
 * Runs after a batch of samples or judgments has committed. Checkpoints are already written inside
 * the batch's own transaction (so they are atomic with it); the runs table's cached figures
 * (run_stats) are derived by the metrics engine. Recomputing them reads every judgment of the run,
 * so it is not done per batch: calls are coalesced per run, debounced by `UNIGAP_RUN_STAT_DELAY_MS`
 * (default 1500 ms) and never overlap, and the batch's response does not wait for them. A failed
 * refresh is logged and retried by the next batch. Keep this the single call site.
 */
const runStatRefresh = createCoalescedRefresh("run_stats refresh", refreshStatAndAnnounce, () => ({
  delayMs: Number(process.env.UNIGAP_RUN_STAT_DELAY_MS ?? 1500),
  // Every batch pushes the refresh back: the runs table catches up once ingestion pauses.
  maxWaitMs: Number.POSITIVE_INFINITY,
}));

// The runs table reads run_stats: open tables learn of the new figures through the run's version.
// One server at a time per run (an advisory try-lock); a server that finds it taken tries again after its delay.
function refreshStatAndAnnounce(runId: string) {
  return singleFlightAcrossServers(ADVISORY_LOCK_KEYS.runStats, runId, async () => {
    await refreshRunStat(runId);
    await bumpRunActivity(runId, false);
  });
}

/**
 * Alerts (issue 14) evaluate the run's latest checkpoint once its summary has settled: coalesced and
 * debounced per run like run_stats (`UNIGAP_ALERT_DELAY_MS`, default 1500 ms), never inside the
 * batch's transaction, never awaited by it; deliveries go to the webhook worker's queue.
 */
const alertEvaluation = createCoalescedRefresh("alert evaluation", evaluateRunAlerts, () => ({
  delayMs: Number(process.env.UNIGAP_ALERT_DELAY_MS ?? 1500),
  // A run ingested without pause is still evaluated every few seconds: an alert should not wait for the end of training.
  maxWaitMs: Number(process.env.UNIGAP_ALERT_MAX_WAIT_MS ?? 10_000),
}));

/**
 * Open pages of the run learn of a batch through its version (lib/runs/live-repository.ts): one
 * statement per batch after the commit, however many pages poll. Awaited, so a client that reads
 * `…/changes` after its batch was acknowledged sees the new version.
 */
export async function afterSamplesIngested(runId: string): Promise<void> {
  await forgetJudgeChoice(runId);
  await bumpRunActivity(runId, true);
  runStatRefresh.schedule(runId);
  alertEvaluation.schedule(runId);
}

/** Waits until no refresh is scheduled or running (tests, and a graceful shutdown). */
export async function flushRunStatRefreshes(): Promise<void> {
  await runStatRefresh.flush();
  await alertEvaluation.flush();
}

/** Runs after a batch of metric points has committed: the dense charts' rollups catch up off the request. */
export async function afterMetricsIngested(runId: string): Promise<void> {
  await bumpRunActivity(runId, true);
  scheduleRollupRefresh(runId);
}
