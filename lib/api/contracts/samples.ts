import { z } from "zod";

import { INGEST_LIMITS, ZBatchCounts, ZBigintId, ZExternalId, ZFiniteNumber, ZId, ZLongText, ZSha256, ZStep } from "./common";
import { ZPromptInput } from "./prompts";

const SAMPLE_ROLES = ["sft_chosen", "dpo_chosen", "dpo_rejected", "discarded", "eval", "candidate"] as const;
const JUDGE_KINDS = ["self", "external", "human"] as const;

const ZJudgmentFields = z.object({
  kind: z.enum(JUDGE_KINDS),
  /** Required for external and human judges; a self judge is "self" (or "self:<judgeRunId>"). */
  judge: z.string().trim().min(1).max(200).optional(),
  /** The judging checkpoint of a self judge (default: the sample's step); null for other judges. */
  judgeStep: ZStep.nullish(),
  /** A self judgment made by another run's checkpoint on this run's images. */
  judgeRunId: ZId.optional(),
  verdict: z.union([z.literal(0), z.literal(1), z.null()]).default(null),
  prob: z.number().min(0).max(1).nullish(),
  score: ZFiniteNumber.nullish(),
  response: ZLongText.nullish(),
  reason: ZLongText.nullish(),
});

function checkJudge(j: { kind: string; judge?: string; judgeRunId?: string; judgeStep?: number | null }, ctx: z.RefinementCtx): void {
  if (j.kind !== "self" && !j.judge)
    ctx.addIssue({ code: "custom", path: ["judge"], message: `${j.kind === "external" ? "an" : "a"} ${j.kind} judgment names its judge (e.g. "geneval")` });
  if (j.kind !== "self" && j.judgeRunId) ctx.addIssue({ code: "custom", path: ["judgeRunId"], message: "judgeRunId is for self judgments only" });
  if (j.kind === "self" && j.judgeRunId && j.judge) ctx.addIssue({ code: "custom", path: ["judge"], message: "send judge or judgeRunId, not both" });
  if (j.judgeRunId && j.judgeStep == null)
    ctx.addIssue({ code: "custom", path: ["judgeStep"], message: "a judgment by another run names that run's checkpoint step" });
}

const ZJudgmentInput = ZJudgmentFields.superRefine(checkJudge);
export type TJudgmentInput = z.infer<typeof ZJudgmentInput>;

const ZSampleInput = z.object({
  step: ZStep,
  epoch: ZFiniteNumber.nullish(),
  /** A registered prompt's externalId, or the prompt itself (registered on the way). */
  prompt: z.union([ZExternalId, ZPromptInput]),
  candidate: z.number().int().min(0).max(100_000).default(0),
  candidates: z.number().int().min(1).max(100_000).nullish(),
  /** sha256 of an image uploaded with PUT /api/v1/blobs/{sha256}. */
  imageSha256: ZSha256.nullish(),
  role: z.enum(SAMPLE_ROLES).optional(),
  genLogLik: ZFiniteNumber.nullish(),
  /** The prompt text the model was actually given, when a pipeline rewrote the benchmark's prompt. Kept from the first import. */
  generationPrompt: ZLongText.nullish(),
  /** The image's path as the evaluator wrote it (what judgment files name; `unigap import judgments` matches on it). Kept from the first import. */
  sourcePath: z.string().trim().min(1).max(4096).nullish(),
  judgments: z.array(ZJudgmentInput).max(INGEST_LIMITS.judgmentsPerSample).default([]),
});
export type TSampleInput = z.infer<typeof ZSampleInput>;

export const ZLogSamplesRequest = z.object({
  samples: z.array(ZSampleInput).min(1).max(INGEST_LIMITS.samples),
  overwrite: z.boolean().optional(),
});
export type TLogSamplesRequest = z.infer<typeof ZLogSamplesRequest>;

export const ZLogSamplesResponse = z.object({
  samples: ZBatchCounts,
  judgments: ZBatchCounts,
  prompts: ZBatchCounts,
  /** The stored id of every sample of the batch, in order. */
  sampleIds: z.array(z.string()),
});

/** A sample named by its id or by its natural key (step, prompt externalId, candidate). */
const ZSampleRef = z.union([
  z.object({ id: ZBigintId }),
  z.object({ step: ZStep, prompt: ZExternalId, candidate: z.number().int().min(0).max(100_000).default(0) }),
]);
export type TSampleRef = z.infer<typeof ZSampleRef>;

export const ZAddJudgmentsRequest = z.object({
  judgments: z
    .array(ZJudgmentFields.extend({ sample: ZSampleRef }).superRefine(checkJudge))
    .min(1)
    .max(INGEST_LIMITS.judgments),
  overwrite: z.boolean().optional(),
});
export type TAddJudgmentsRequest = z.infer<typeof ZAddJudgmentsRequest>;

export const ZAddJudgmentsResponse = ZBatchCounts;

/** GET /api/v1/runs/{runId}/samples: a run's samples at one step, for importers that join files to them. */
export const ZListSamplesQuery = z.object({
  step: z.coerce.number().pipe(ZStep),
  cursor: ZBigintId.optional(),
  limit: z.coerce.number().int().min(1).max(INGEST_LIMITS.listSamples).default(INGEST_LIMITS.listSamples),
});
export type TListSamplesQuery = z.infer<typeof ZListSamplesQuery>;

export const ZListedSample = z.object({
  id: z.string(),
  step: z.number(),
  /** The prompt's externalId. */
  prompt: z.string(),
  candidate: z.number(),
  benchmark: z.string(),
  subtask: z.string(),
  role: z.string(),
  sourcePath: z.string().nullable(),
});
export type TListedSample = z.infer<typeof ZListedSample>;

export const ZListSamplesResponse = z.object({ samples: z.array(ZListedSample), nextCursor: z.string().nullable() });
