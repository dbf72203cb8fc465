// The query of GET /api/v1/runs/{runId}/summary, bounded like every outside input. Pure, so the
// dashboard can build links with the same names.
import { z } from "zod";

const step = z.coerce.number().int().min(0).max(2_147_483_647);

export const ZRunSummaryQuery = z
  .object({
    baseline: z.guid().describe("Compare against this run of the same project (default: the run's recorded baseline, else the run itself).").optional(),
    baselineStep: step.describe("The baseline's checkpoint (default: the recorded baseline step, else the baseline run's first checkpoint).").optional(),
    step: step.describe("Summarise only this checkpoint (default: every checkpoint).").optional(),
    externalJudge: z
      .string()
      .min(1)
      .max(200)
      .describe(
        "External judge for Gen, Und and the confusion for every benchmark (default: per benchmark, the one with the most judgments on its evaluation images of the run and its baseline).",
      )
      .optional(),
    benchmark: z.string().min(1).max(200).describe("Only subtasks of this benchmark.").optional(),
  })
  .strict();
export type TRunSummaryQuery = z.infer<typeof ZRunSummaryQuery>;
