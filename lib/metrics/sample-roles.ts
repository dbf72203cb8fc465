// Which images a figure is computed over (docs/metrics.md#conventions). A checkpoint's Gen / Und / Non are
// measured on its evaluation images only: the candidates drawn to build SFT or DPO data were picked
// by the model's own judge, so counting them would score the checkpoint on its own selection. The
// training roles are what the supervision audit and the curriculum's rounds look at.

export const SAMPLE_ROLES = ["sft_chosen", "dpo_chosen", "dpo_rejected", "discarded", "eval", "candidate"] as const;
export type TSampleRole = (typeof SAMPLE_ROLES)[number];

export const EVAL_ROLES: readonly TSampleRole[] = ["eval"];
/** Candidates of a construction or replay round, whatever became of them. */
export const TRAINING_ROLES: readonly TSampleRole[] = ["sft_chosen", "dpo_chosen", "dpo_rejected", "discarded", "candidate"];
