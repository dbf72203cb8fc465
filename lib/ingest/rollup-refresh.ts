import "server-only";

import { ADVISORY_LOCK_KEYS } from "@/lib/db/advisory-lock";
import { rollUpPendingPoints } from "@/lib/series/rollup-repository";

import { createCoalescedRefresh } from "./coalesced-refresh";
import { singleFlightAcrossServers } from "./single-flight";

// Metric batches commit their points and widen the run's pending range; the rollups that dense charts
// read are brought up to date here, off the batch's transaction: coalesced per run, debounced by
// UNIGAP_ROLLUP_DELAY_MS (default 1 s) and at most UNIGAP_ROLLUP_MAX_WAIT_MS (default 3 s) behind a
// run that never pauses. Charts stay exact meanwhile (they read the pending steps raw). One server
// at a time per run (advisory try-lock); the others retry after their delay.
const delays = () => ({ delayMs: Number(process.env.UNIGAP_ROLLUP_DELAY_MS ?? 1000), maxWaitMs: Number(process.env.UNIGAP_ROLLUP_MAX_WAIT_MS ?? 3000) });

const refresh = createCoalescedRefresh(
  "rolling up metric points",
  (runId) => singleFlightAcrossServers(ADVISORY_LOCK_KEYS.rollups, runId, () => rollUpPendingPoints(runId)),
  delays,
);

export function scheduleRollupRefresh(runId: string): void {
  refresh.schedule(runId);
}

export function flushRollupRefreshes(): Promise<void> {
  return refresh.flush();
}
