import { z } from "zod";

import { ZMeasure } from "@/lib/metrics/summary-types";

// Contracts of the read-only analysis endpoints of a run: the supervision audit, the curriculum and
// the verdict flips (docs/metrics.md#flips). Rates are fractions in [0, 1] with their n and 95% interval.

const ZQueryStep = z.coerce.number().int().min(0).max(2_147_483_647);
const ZCount = z.number().int().nonnegative();
const ZBenchmarkFilter = z.string().min(1).max(200).describe("Only prompts of this benchmark.");

export const ZAuditQuery = z
  .object({
    step: ZQueryStep.describe("Only the training data built at this round (default: every round).").optional(),
    judge: z
      .string()
      .min(1)
      .max(200)
      .describe(
        'An external judge for every benchmark, or "human" for the annotators\' majority (default: each benchmark\'s external judge with the most judgments on the training images, else "human").',
      )
      .optional(),
    threshold: z.coerce.number().min(0).max(1).describe("Precision or agreement below this is flagged as a risk (default 0.7).").optional(),
  })
  .strict();
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZSupervisionAudit = z.object({
  runId: z.string(),
  /** "human", the single external judge, or null when benchmarks had different ones (see `judges`). */
  judge: z.string().nullable(),
  /** Benchmark → the external judge of its training images; empty for the annotators. */
  judges: z.record(z.string(), z.string()),
  /** Share of SFT-chosen images the independent judge calls aligned. */
  sftPrecision: ZMeasure,
  /** DPO-chosen × DPO-rejected images of one prompt and round, and which one the independent judge prefers. */
  dpo: z.object({ pairs: ZCount, agree: ZCount, disagree: ZCount, ties: ZCount, agreement: ZMeasure }),
  threshold: z.number(),
  sftAtRisk: z.boolean(),
  dpoAtRisk: z.boolean(),
});
export type TSupervisionAuditResponse = z.infer<typeof ZSupervisionAudit>;

export const ZBenchmarkQuery = z.object({ benchmark: ZBenchmarkFilter.optional() }).strict();
export type TBenchmarkQuery = z.infer<typeof ZBenchmarkQuery>;

const ZCurriculumRound = z.object({
  step: z.number().int(),
  prompts: ZCount,
  /** Pass rates |C|/N of the round's prompts in 10 bins of width 0.1 (the last includes 1). */
  passRateHistogram: z.array(ZCount),
  meanPassRate: z.number().nullable(),
  poolBefore: ZCount,
  discarded: ZCount,
  admitted: ZCount,
  poolAfter: ZCount,
});

export const ZCurriculum = z.object({
  runId: z.string(),
  rounds: z.array(ZCurriculumRound),
  /** Per prompt and round: |C| (candidates its own judge accepted) of N (candidates drawn). */
  passRates: z.array(z.object({ promptId: z.string(), step: z.number().int(), accepted: ZCount, candidates: ZCount })),
});
export type TCurriculumResponse = z.infer<typeof ZCurriculum>;

const ZVerdict = z.union([z.literal(0), z.literal(1)]);
export const ZFlips = z.object({
  runId: z.string(),
  /** Prompts whose majority self verdict on their evaluation images changed, with each change. */
  prompts: z.array(
    z.object({ promptId: z.string(), flips: z.array(z.object({ fromStep: z.number().int(), toStep: z.number().int(), from: ZVerdict, to: ZVerdict })) }),
  ),
});
export type TFlipsResponse = z.infer<typeof ZFlips>;

/** A run named in the path; anything that is not one of the caller's runs (malformed included) is a 404. */
export const ZRunRef = z.object({ runId: z.string().min(1).max(100) });
