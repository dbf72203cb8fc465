import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { TRunSummary } from "@/lib/metrics/summary-types";

/** What the dashboard asks of a summary: relative to the run's own baseline unless told otherwise. */
export type TLoadSummaryOptions = { baselineRunId?: string; baselineStep?: number };

/**
 * The one seam between the dashboard and the metrics engine (issue 3): every panel's numbers come
 * through here. At merge the body becomes `return getRunSummary(actor, runId, options);` from
 * lib/metrics/service.ts, which authorizes the actor. Until then every summary panel shows its
 * error state with this message: the dashboard never invents numbers.
 */
export async function loadRunSummary(actor: TActor, runId: string, options: TLoadSummaryOptions = {}): Promise<TRunSummary> {
  void actor;
  void runId;
  void options;
  throw new AppError("UNAVAILABLE", "The metrics engine is not available in this build.");
}
