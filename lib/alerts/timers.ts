import "server-only";

import { ADVISORY_LOCK_KEYS, tryAdvisoryLock } from "@/lib/db/advisory-lock";

import { startDeliveryWorker } from "./delivery";
import { checkStalledRuns } from "./service";
import { sealLegacyWebhookSecrets } from "./webhook-service";

// Started once at boot (lib/system/boot.ts): the stall check (one query over running runs with a
// stalled rule, every UNIGAP_STALL_CHECK_MS, default 60 s) and the webhook worker's sweep, after one
// pass that seals webhook secrets still stored plain (or under the previous server secret). Behind N
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
  sealLegacyWebhookSecrets()
    .then(({ sealed, resealed, unreadable }) => {
      if (sealed + resealed > 0) console.log(`[unigap] webhook secrets: ${sealed} sealed, ${resealed} re-sealed under the current NEXTAUTH_SECRET`);
      if (unreadable > 0) console.error(`[unigap] ${unreadable} webhook secret(s) do not open with NEXTAUTH_SECRET: their deliveries fail until re-created`);
    })
    .catch((error: unknown) => console.error("[unigap] sealing webhook secrets failed", error))
    .finally(startDeliveryWorker);
}
