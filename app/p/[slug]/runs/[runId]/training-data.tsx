import type { TActor } from "@/lib/auth/actor";
import { TrainingDataPanel } from "@/components/dashboard/training-data-panel";
import { getSupervisionAudit } from "@/lib/metrics/audit-service";
import { getCurriculumStats } from "@/lib/metrics/training-service";

/** Streams in after the summary: the supervision audit and the curriculum's rounds of this run. */
export async function TrainingData({ actor, runId }: { actor: TActor; runId: string }) {
  const [audit, curriculum] = await Promise.all([
    getSupervisionAudit(actor, runId).catch((error: unknown) => {
      console.error("[unigap] supervision audit failed", error);
      return null;
    }),
    getCurriculumStats(actor, runId).catch((error: unknown) => {
      console.error("[unigap] curriculum statistics failed", error);
      return null;
    }),
  ]);
  return <TrainingDataPanel audit={audit} curriculum={curriculum} />;
}
