import { TrainingDataPanel } from "@/components/dashboard/training-data-panel";
import type { TActor } from "@/lib/auth/actor";
import { getSupervisionAudit } from "@/lib/metrics/supervision-audit-service";
import { getCurriculumStats } from "@/lib/metrics/training-service";

/** A failed section is logged and left out: the summary panels above still stand. */
function orNull<T>(what: string, promise: Promise<T>): Promise<T | null> {
  return promise.catch((error: unknown) => {
    console.error(`[unigap] ${what} failed`, error);
    return null;
  });
}

/** Streams in after the summary: the supervision audit and the curriculum's rounds of this run. */
export async function TrainingData({ actor, runId }: { actor: TActor; runId: string }) {
  const [audit, curriculum] = await Promise.all([
    orNull("supervision audit", getSupervisionAudit(actor, runId)),
    orNull("curriculum statistics", getCurriculumStats(actor, runId)),
  ]);
  return <TrainingDataPanel audit={audit} curriculum={curriculum} />;
}
