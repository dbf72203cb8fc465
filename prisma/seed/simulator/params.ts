// Every number the simulator runs on, in one place (documented in docs/simulator.md). Baselines are
// calibrated to Janus-Pro-7B: GenEval accuracies near its published per-task scores, T2I-CompBench
// skills low where it is weak (shape, spatial), and self-judge rates that give a Nonunified score of
// roughly 15–45% per subtask with most rejections falling on truly bad images (weak generation).

/** Per subtask, at step 0 for a medium-tier prompt: P(image aligned), P(self accepts | aligned), P(self accepts | misaligned). */
export type TSubtaskParams = { gen: number; tpr: number; fpr: number };

export const SUBTASK_PARAMS: Record<string, TSubtaskParams> = {
  single_object: { gen: 0.97, tpr: 0.95, fpr: 0.25 },
  two_object: { gen: 0.88, tpr: 0.92, fpr: 0.3 },
  counting: { gen: 0.5, tpr: 0.86, fpr: 0.3 },
  colors: { gen: 0.86, tpr: 0.93, fpr: 0.25 },
  position: { gen: 0.8, tpr: 0.84, fpr: 0.35 },
  color_attr: { gen: 0.6, tpr: 0.88, fpr: 0.3 },
  color: { gen: 0.62, tpr: 0.9, fpr: 0.22 },
  shape: { gen: 0.4, tpr: 0.85, fpr: 0.38 },
  texture: { gen: 0.55, tpr: 0.88, fpr: 0.35 },
  spatial: { gen: 0.35, tpr: 0.86, fpr: 0.42 },
  non_spatial: { gen: 0.8, tpr: 0.97, fpr: 0.6 },
  complex: { gen: 0.5, tpr: 0.93, fpr: 0.55 },
};
export const DEFAULT_SUBTASK: TSubtaskParams = { gen: 0.6, tpr: 0.9, fpr: 0.4 };

/** Logit offsets of a prompt's difficulty tier on its generation skill. */
export const TIER_OFFSET = { easy: 0.9, medium: 0, hard: -1.8 } as const;

/** Standard deviations of the per-prompt random effects (logit scale). */
export const PROMPT_SPREAD = {
  /** How much prompts of one subtask and tier differ in how hard they are to draw. */
  gen: 1.4,
  /** How much they differ in how obvious their failures are to the self-judge, independently of that. */
  judge: 1.0,
  /**
   * How much of a prompt's generation offset (tier and own difficulty, logit) also shifts the
   * self-judge's false-positive logit: prompts that are hard to draw fail blatantly (an object missing,
   * a count far off), so their failures are rarely accepted by mistake. This is what fills the
   * curriculum's discard pool: prompts whose ten candidates all fail and are all caught.
   */
  obviousness: 1.1,
};

export const JUDGING = {
  /** Chance that two checkpoints judging one image share its "how convincing is it" draw. */
  coherence: 0.93,
  /** Chance that a candidate image at a later checkpoint reuses its earlier "how hard" draw. */
  generationCarryOver: 0.75,
  /** Share of self answers that are neither a score nor a yes/no (verdict null). */
  unparseable: 0.015,
  /** Share of parseable answers phrased "Yes, …"/"No, …" rather than "The score is …". */
  freeForm: 0.12,
  /** External judges' error rates (a detector on GenEval, a large VLM on T2I-CompBench). */
  externalNoise: { geneval: 0.03, "qwen2.5-vl-72b": 0.06 } as Record<string, number>,
};

/**
 * How post-training moves the skills. `s` is the supervision signal: logit(precision of the training
 * labels) − logit(current generation rate), positive when the data is better than what the model
 * draws. Per unit of saturated progress: generation logit += gen·s (SFT imitates its data); the
 * false-positive logit falls by fprDown·s when s > 0 (good data teaches the judge to reject its old
 * failure modes) and rises by fprUp·|s| when s < 0 (bad labels teach it to accept them), and then the
 * true-positive logit rises by lenience·|s| too. A judge that accepts more rejects less: the Nonunified
 * score falls while generation and understanding get worse — the case the alarm exists for.
 */
export type TMethodParams = { gen: number; fprDown: number; fprUp: number; lenience: number; tau: number };
export const METHOD_PARAMS: Record<"sft" | "dpo" | "curriculum_sft", TMethodParams> = {
  sft: { gen: 0.8, fprDown: 0.45, fprUp: 2.4, lenience: 0.6, tau: 0.35 },
  dpo: { gen: 0.4, fprDown: 0.3, fprUp: 1.5, lenience: 0.4, tau: 0.35 },
  curriculum_sft: { gen: 0.8, fprDown: 0.45, fprUp: 2.4, lenience: 0.6, tau: 0.35 },
};
/** Curriculum: extra generation logit per unit of (admitted prompts / first-round prompts), hard prompts twice. */
export const CURRICULUM_BOOST = 1.2;

export const TRAINING = {
  steps: 2000,
  stepsPerEpoch: 100,
  evalEvery: 500,
  candidatesPerTrainPrompt: 10,
  /** Replay rounds re-sample the discard pool at these epochs (the paper: epoch 10 of 20). */
  replayEpochs: [10, 15],
};
