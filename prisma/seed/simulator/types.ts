// The rows a simulated run produces, before they get database ids.
import type { TPromptRecord } from "../prompts/load-prompts";
import type { TExternalVerdict, TImageDraw, TSelfVerdict } from "./judge";

export type TSampleRole = "sft_chosen" | "dpo_chosen" | "dpo_rejected" | "discarded" | "eval";

export type TSimSample = {
  prompt: TPromptRecord;
  step: number;
  epoch: number;
  candidate: number;
  candidates: number;
  role: TSampleRole;
  image: TImageDraw;
  /** The sample's own checkpoint judging it (judge "self", judge step = step). */
  self: TSelfVerdict;
  external: TExternalVerdict;
};

/** A training run's checkpoint judging one of the baseline run's images (judge "self:<run id>"). */
export type TSimCrossJudgment = { prompt: TPromptRecord; candidate: number; judgeStep: number; verdict: TSelfVerdict };

export type TSimCheckpoint = { step: number; epoch: number; label: string };

export type TSimRun = {
  key: string;
  checkpoints: TSimCheckpoint[];
  samples: TSimSample[];
  crossJudgments: TSimCrossJudgment[];
  /** Curriculum bookkeeping, also derivable from the rows: pool size and admissions per round. */
  rounds: { step: number; label: string; sampled: number; admitted: number; poolAfter: number }[];
};
