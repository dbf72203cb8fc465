import "server-only";

import { ADVISORY_LOCK_KEYS, tryAdvisoryLock } from "@/lib/db/advisory-lock";

import { startDeliveryWorker } from "./delivery";
import { checkStalledRuns } from "./service";

// Started once at boot (lib/system/boot.ts): the stall check (one query over running runs with a
// stalled rule, every UNIGAP_STALL_CHECK_MS, default 60 s) and the webhook worker's sweep. Behind N
// servers the stall check ticks once: each tick tries an advisory lock and skips when another server holds it.
const TIMER_KEY = Symbol.for("unigap.alertTimers");

export function startAlertTimers(): void {
  const state = globalThis as Record<symbol, NodeJS.Timeout | undefined>;
  if (state[TIMER_KEY]) return;
  const every = Number(process.env.UNIGAP_STALL_CHECK_MS) > 0 ? Number(process.env.UNIGAP_STALL_CHECK_MS) : 60_000;
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    tryAdvisoryLock(ADVISORY_LOCK_KEYS.stallCheck, "stall-check", () => checkStalledRuns())
      .catch((error: unknown) => console.error("[unigap] stall check failed", error))
      .finally(() => {
        busy = false;
      });
  };
  state[TIMER_KEY] = setInterval(tick, every);
  state[TIMER_KEY].unref?.();
  startDeliveryWorker();
}
