// The latent skills of a simulated unified model and how post-training moves them (see params.ts for
// the coupling). Pure: a training recipe and a progress in [0, 1] give the model at that checkpoint.
import type { TPromptRecord } from "../prompts/load-prompts";
import { CURRICULUM_BOOST, DEFAULT_SUBTASK, METHOD_PARAMS, PROMPT_SPREAD, SUBTASK_PARAMS, TIER_OFFSET, type TMethodParams } from "./params";
import { logit, sigmoid, type TDraws } from "./random";

/** Logits of P(aligned), P(accept | aligned), P(accept | misaligned). */
export type TSkill = { gen: number; tpr: number; fpr: number };
export type TModel = { skill(subtask: string): TSkill; hardBoost: number };

export type TRecipe = {
  method: keyof typeof METHOD_PARAMS;
  /** Share of self labels flipped before they are used to build training data (poor supervision). */
  labelCorruption: number;
  /** Curriculum replays so far: where in training, and admitted prompts / prompts of the first round. */
  replays: { progress: number; admittedShare: number }[];
};

export function baselineSkill(subtask: string): TSkill {
  const p = SUBTASK_PARAMS[subtask] ?? DEFAULT_SUBTASK;
  return { gen: logit(p.gen), tpr: logit(p.tpr), fpr: logit(p.fpr) };
}

export const BASELINE_MODEL: TModel = { skill: baselineSkill, hardBoost: 0 };

/**
 * Expected precision of training labels built from a model's own verdicts, after corruption: the
 * share of self-accepted candidates that are truly aligned (what SFT imitates).
 */
export function labelPrecision(skill: TSkill, corruption: number): number {
  const g = sigmoid(skill.gen);
  const flip = (p: number) => p * (1 - corruption) + (1 - p) * corruption;
  const acceptAligned = g * flip(sigmoid(skill.tpr));
  return acceptAligned / (acceptAligned + (1 - g) * flip(sigmoid(skill.fpr)));
}

/** Positive when the labelled data is better than what the model draws: SFT pulls generation toward it. */
export function supervisionSignal(skill: TSkill, corruption: number): number {
  return logit(labelPrecision(skill, corruption)) - skill.gen;
}

function saturate(progress: number, tau: number): number {
  return (1 - Math.exp(-progress / tau)) / (1 - Math.exp(-1 / tau));
}

function trainedSkill(base: TSkill, params: TMethodParams, signal: number, f: number): TSkill {
  return {
    gen: base.gen + params.gen * signal * f,
    fpr: base.fpr - (signal > 0 ? params.fprDown : params.fprUp) * signal * f,
    tpr: base.tpr + (signal < 0 ? params.lenience * -signal * f : 0),
  };
}

/** The model after `progress` (0…1) of training with `recipe`, starting from the baseline. */
export function modelAt(recipe: TRecipe | null, progress: number): TModel {
  if (!recipe || progress <= 0) return BASELINE_MODEL;
  const params = METHOD_PARAMS[recipe.method];
  const f = saturate(progress, params.tau);
  // Admitted prompts add data from the replay on: a linear ramp to the end of training.
  const boost = recipe.replays.reduce(
    (sum, r) => sum + (progress > r.progress ? CURRICULUM_BOOST * r.admittedShare * ((progress - r.progress) / (1 - r.progress)) : 0),
    0,
  );
  const cache = new Map<string, TSkill>();
  return {
    hardBoost: boost,
    skill(subtask) {
      let skill = cache.get(subtask);
      if (!skill) {
        const base = baselineSkill(subtask);
        skill = trainedSkill(base, params, supervisionSignal(base, recipe.labelCorruption), f);
        skill.gen += boost;
        cache.set(subtask, skill);
      }
      return skill;
    },
  };
}

/** The prompt's own offset on the generation logit: its tier and its individual difficulty. */
function promptOffset(prompt: TPromptRecord, draws: TDraws): number {
  return TIER_OFFSET[prompt.tier] + PROMPT_SPREAD.gen * draws.normal("prompt-gen", prompt.externalId);
}

/** P(an image of this prompt is aligned) under `model`: subtask skill, tier and the prompt's own difficulty. */
export function alignProbability(model: TModel, prompt: TPromptRecord, draws: TDraws): number {
  const hard = prompt.tier === "hard" ? model.hardBoost : 0;
  return sigmoid(model.skill(prompt.subtask).gen + promptOffset(prompt, draws) + hard);
}

/** P(the self-judge accepts an image of this prompt), given whether it is truly aligned. */
export function acceptProbability(model: TModel, prompt: TPromptRecord, aligned: boolean, draws: TDraws): number {
  const skill = model.skill(prompt.subtask);
  if (aligned) return sigmoid(skill.tpr);
  const obvious = PROMPT_SPREAD.obviousness * Math.min(0, promptOffset(prompt, draws));
  return sigmoid(skill.fpr + obvious + PROMPT_SPREAD.judge * draws.normal("prompt-judge", prompt.externalId));
}
