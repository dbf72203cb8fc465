import { z } from "zod";

// The dataset builder's request (flat: every recipe parameter explicit, defaults are the paper's).
const DATASET_JUDGES = ["self", "external", "human", "self_and_external"] as const;
const DATASET_ROLES = ["sft_chosen", "dpo_chosen", "dpo_rejected", "discarded", "candidate"] as const;

export const ZDatasetRecipe = z
  .object({
    kind: z.enum(["sft", "dpo"]),
    step: z.number().int().min(0).max(2_000_000_000),
    name: z.string().trim().min(1).max(200).optional(),
    judge: z.enum(DATASET_JUDGES).optional(),
    /** The external judge for the gate (and for judge "external"); default: each benchmark's most prolific. */
    externalJudge: z.string().min(1).max(200).optional(),
    maxPerPrompt: z.number().int().min(1).max(10_000).nullish(),
    minProb: z.number().min(0).max(1).nullish(),
    pairing: z.enum(["most_confident", "all"]).optional(),
    maxPairsPerPrompt: z.number().int().min(1).max(10_000).nullish(),
    minMargin: z.number().min(-1).max(1).nullish(),
    benchmarks: z.array(z.string().min(1).max(200)).max(50).optional(),
    subtasks: z.array(z.string().min(1).max(200)).max(200).optional(),
    roles: z.array(z.enum(DATASET_ROLES)).min(1).max(DATASET_ROLES.length).optional(),
    /** Build the next curriculum round of this dataset: its pool re-sampled at `step`. */
    previousDatasetId: z.uuid().optional(),
    acknowledgeRisk: z.boolean().optional(),
  })
  .strict();
export type TDatasetRecipe = z.infer<typeof ZDatasetRecipe>;

export const ZRunDatasetParams = z.object({ runId: z.string().min(1).max(100) });
export const ZDatasetParams = z.object({ datasetId: z.string().min(1).max(100) });
export const ZProjectDatasetParams = z.object({ slug: z.string().min(1).max(100) });
export const ZExportQuery = z.object({ format: z.enum(["tar", "tar.gz"]).optional(), acknowledgeRisk: z.enum(["true", "false"]).optional() });
