import { z } from "zod";

import { INGEST_LIMITS, ZBatchCounts, ZExternalId, ZJsonValue } from "./common";

export const ZPromptInput = z.object({
  externalId: ZExternalId,
  text: z.string().trim().min(1).max(4_000),
  benchmark: z.string().trim().max(100).optional(),
  subtask: z.string().trim().max(100).optional(),
  tier: z.enum(["easy", "medium", "hard"]).nullish(),
  split: z.enum(["train", "eval"]).nullish(),
  spec: ZJsonValue.optional(),
});
export type TPromptInput = z.infer<typeof ZPromptInput>;

export const ZRegisterPromptsRequest = z.object({
  prompts: z.array(ZPromptInput).min(1).max(INGEST_LIMITS.prompts),
  project: z.string().trim().min(1).max(100).optional(),
  overwrite: z.boolean().optional(),
});
export type TRegisterPromptsRequest = z.infer<typeof ZRegisterPromptsRequest>;

export const ZRegisterPromptsResponse = ZBatchCounts;
