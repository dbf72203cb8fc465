import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { getBaselineCheckpoint, getRunSummary } from "@/lib/metrics/service";
import type { TCheckpointSummary, TRunSummary } from "@/lib/metrics/summary-types";

/** What the dashboard asks of a summary: relative to the run's own baseline unless told otherwise. */
export type TLoadSummaryOptions = { baselineRunId?: string; baselineStep?: number };

/**
 * The one seam between the dashboard and the metrics engine: every panel's numbers come through
 * here, from the same SQL path as GET /api/v1/runs/{runId}/summary, which authorizes the actor.
 */
export async function loadRunSummary(actor: TActor, runId: string, options: TLoadSummaryOptions = {}): Promise<TRunSummary> {
  return getRunSummary(actor, runId, { baseline: options.baselineRunId, baselineStep: options.baselineStep });
}

/** The run's baseline checkpoint, judged as the run's summary judges it (readable wherever the run is). */
export async function loadBaselineCheckpoint(actor: TActor, runId: string): Promise<TCheckpointSummary | null> {
  return getBaselineCheckpoint(actor, runId);
}
