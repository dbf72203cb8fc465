// The contract of a run summary (GET /api/v1/runs/{runId}/summary): what the metrics engine
// produces and the dashboard consumes. Rates are fractions in [0, 1]; every rate carries its n and
// 95% interval; `value: null` means "no data" (never 0). Definitions: docs/metrics.md.
import { z } from "zod";

/** A measured rate or difference: value, its denominator, a 95% interval and a small-n flag. */
export const ZMeasure = z.object({
  value: z.number().nullable(),
  n: z.number().int().nonnegative(),
  lo: z.number().nullable(),
  hi: z.number().nullable(),
  lowN: z.boolean(),
});
export type TMeasure = z.infer<typeof ZMeasure>;

/** Self-judge verdicts on a checkpoint's own images against the external verdict. */
const ZConfusion = z.object({
  tp: z.number().int(),
  fp: z.number().int(),
  tn: z.number().int(),
  fn: z.number().int(),
  /** FP / (FP + TN). */
  falsePositiveRate: ZMeasure,
  /** TP / (TP + FP): the quality of SFT data built from self-accepted images. */
  precision: ZMeasure,
});
export type TConfusion = z.infer<typeof ZConfusion>;

/** Keys are `${external}${baselineSelf}${currentSelf}` over the baseline's images, e.g. "010". */
export const TRIPLE_KEYS = ["000", "001", "010", "011", "100", "101", "110", "111"] as const;
const ZTriples = z.object({
  counts: z.record(z.enum(TRIPLE_KEYS), z.number().int()),
  /** (0,1,0): a false positive of the baseline that this checkpoint now rejects — co-improvement's mechanism. */
  correctedFalsePositives: z.number().int(),
  /** (0,0,1): an image both the judge and the baseline rejected that this checkpoint now accepts. */
  newFalsePositives: z.number().int(),
  n: z.number().int(),
});
export type TTriples = z.infer<typeof ZTriples>;

const ZSubtaskSummary = z.object({
  subtask: z.string(),
  benchmark: z.string(),
  gen: ZMeasure,
  und: ZMeasure,
  non: ZMeasure,
  /** Self answers that could not be parsed (verdict null): counted, never folded into either side. */
  unparseable: z.number().int(),
  weakGen: ZMeasure,
  weakGenHuman: ZMeasure.nullable(),
  confusion: ZConfusion,
  triples: ZTriples,
});
export type TSubtaskSummary = z.infer<typeof ZSubtaskSummary>;

const CO_TREND_CLASSES = ["co-improvement", "co-degradation", "generation-only", "understanding-only", "trade-off", "inconclusive"] as const;
const ZTrend = z.object({
  class: z.enum(CO_TREND_CLASSES),
  /** Non improved while Gen or Und got significantly worse: the intrinsic score is misleading. */
  alarm: z.boolean(),
  deltaGen: ZMeasure,
  deltaNon: ZMeasure,
  /** Human-readable reasons for the class and the alarm. */
  reasons: z.array(z.string()),
});
export type TTrend = z.infer<typeof ZTrend>;

const ZOverall = z.object({
  /** Unweighted mean of the subtask values (the paper's convention); intervals by cluster bootstrap over prompts. */
  gen: ZMeasure,
  und: ZMeasure,
  non: ZMeasure,
  /** Pooled rate over all images: the secondary figure. */
  nonPooled: ZMeasure,
});
export type TOverall = z.infer<typeof ZOverall>;

const ZCheckpointSummary = z.object({
  step: z.number().int(),
  epoch: z.number().nullable(),
  subtasks: z.array(ZSubtaskSummary),
  overall: ZOverall,
  trend: ZTrend,
});
export type TCheckpointSummary = z.infer<typeof ZCheckpointSummary>;

export const ZRunSummary = z.object({
  runId: z.string(),
  /** The checkpoint compared against; `step` is -1 while the baseline run has no checkpoint yet (as judge_step's "not a checkpoint"). */
  baseline: z.object({ runId: z.string(), step: z.number().int(), runName: z.string() }),
  /** Back-compat: the one external judge when every benchmark uses the same (or the one asked for), else null — read `externalJudges`. */
  externalJudge: z.string().nullable(),
  /** The external judge behind Gen, Und and the confusion of each benchmark (benchmark → judge). */
  externalJudges: z.record(z.string(), z.string()),
  checkpoints: z.array(ZCheckpointSummary),
});
export type TRunSummary = z.infer<typeof ZRunSummary>;
