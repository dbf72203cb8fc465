import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { getRunSummary } from "@/lib/metrics/service";
import type { TRunSummary } from "@/lib/metrics/summary-types";

/** What the dashboard asks of a summary: relative to the run's own baseline unless told otherwise. */
export type TLoadSummaryOptions = { baselineRunId?: string; baselineStep?: number };

/**
 * The one seam between the dashboard and the metrics engine: every panel's numbers come through
 * here, from the same SQL path as GET /api/v1/runs/{runId}/summary, which authorizes the actor.
 */
export async function loadRunSummary(actor: TActor, runId: string, options: TLoadSummaryOptions = {}): Promise<TRunSummary> {
  return getRunSummary(actor, runId, { baseline: options.baselineRunId, baselineStep: options.baselineStep });
}
