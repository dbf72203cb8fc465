import "server-only";

import type { TExternalJudges } from "./external-judges";

// Choosing each benchmark's external judge counts a run's external judgments per benchmark: a join
// over every judgment (seconds for a million). The choice changes only when judgments arrive, so
// it is kept per process for a minute and dropped as soon as this process ingests into the run
// (lib/ingest/after-ingest.ts). Another process writing the same database is seen within a minute.
const TTL_MS = 60_000;
const MAX_ENTRIES = 1_000;

type TEntry = { at: number; picked: TExternalJudges };
const STATE_KEY = Symbol.for("unigap.judgeChoice");
const cache = ((globalThis as Record<symbol, Map<string, TEntry>>)[STATE_KEY] ??= new Map());

export async function cachedJudgeChoice(runIds: readonly string[], compute: () => Promise<TExternalJudges>): Promise<TExternalJudges> {
  const key = runIds.join(",");
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.picked;
  const picked = await compute();
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: Date.now(), picked });
  return picked;
}

/** New judgments for this run: forget every choice that counted it. */
export function forgetJudgeChoice(runId: string): void {
  for (const key of cache.keys()) if (key.split(",").includes(runId)) cache.delete(key);
}
