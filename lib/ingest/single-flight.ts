import "server-only";

import { LOCK_BUSY, tryAdvisoryLock } from "@/lib/db/advisory-lock";

import { RETRY_LATER } from "./coalesced-refresh";

// A pause before answering RETRY_LATER, so that a flush (which skips the delay) does not spin while another server refreshes.
const BUSY_PAUSE_MS = 200;

/**
 * Runs a per-run refresh when no other server on the database is running the same one: run_stats or
 * rollups recomputed by two servers at once would do the work twice and race on the upsert. When the
 * lock is taken the refresh answers RETRY_LATER, and the coalesced refresh runs it again after its
 * delay, so what this server ingested meanwhile is still counted.
 */
export async function singleFlightAcrossServers(key: number, runId: string, fn: () => Promise<unknown>): Promise<unknown> {
  const result = await tryAdvisoryLock(key, runId, fn);
  if (result !== LOCK_BUSY) return result;
  await new Promise((resolve) => setTimeout(resolve, BUSY_PAUSE_MS));
  return RETRY_LATER;
}
