import "server-only";

import { onSignal, signal } from "@/lib/db/notify";

import type { TExternalJudges } from "./external-judges";

// Choosing each benchmark's external judge counts a run's external judgments per benchmark: a join
// over every judgment (seconds for a million). The choice changes only when judgments arrive, so
// it is kept per process for a minute and dropped as soon as any server ingests into the run
// (lib/ingest/after-ingest.ts): the ingesting server signals every server on the database
// (LISTEN/NOTIFY, lib/db/notify.ts). The minute bounds what a missed signal can cost.
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

const TOPIC = "judge-choice";

function forgetHere(runId: string | null): void {
  if (runId === null) return cache.clear();
  for (const key of cache.keys()) if (key.split(",").includes(runId)) cache.delete(key);
}

onSignal(TOPIC, forgetHere);

/** New judgments for this run: every server forgets every choice that counted it (this one at once). */
export async function forgetJudgeChoice(runId: string): Promise<void> {
  forgetHere(runId);
  await signal(TOPIC, runId);
}
