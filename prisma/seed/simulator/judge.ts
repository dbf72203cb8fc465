// One simulated candidate image and the verdicts on it: whether it is aligned (and if not, which
// visible error it makes), the self-judge's answer in the paper's template, and the external judge.
import type { TPromptRecord } from "../prompts/load-prompts";
import { listApplicableErrors, type TErrorKind } from "../prompts/spec";
import { applyError } from "../render/apply-error";
import { acceptProbability, alignProbability, type TModel } from "./model";
import { JUDGING } from "./params";
import { logit, sigmoid, type TDraws } from "./random";

export type TImageDraw = { aligned: boolean; variant: number; error: TErrorKind | null; detail: string | null };
export type TSelfVerdict = { verdict: 0 | 1 | null; prob: number | null; response: string };
export type TExternalVerdict = { judge: string; verdict: 0 | 1; reason: string };

/** Identifies one generated image; judges of the same image share its "how convincing" draw. */
export type TImageRef = { prompt: TPromptRecord; candidate: number; step: number };
const imageKey = (ref: TImageRef) => `${ref.prompt.externalId}|${ref.candidate}|${ref.step}`;

function pickWeighted<T>(items: readonly T[], u: number): T {
  // The prompt's characteristic errors first and most often: weights 3, 2, 1, 1, …
  const weights = items.map((_, i) => Math.max(1, 3 - i));
  let x = u * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

/**
 * Draws a candidate: aligned with the model's probability for this prompt. The "how hard" draw mostly
 * carries over between checkpoints, so as generation improves a candidate flips from wrong to right.
 */
export function drawImage(model: TModel, ref: TImageRef, draws: TDraws): TImageDraw {
  const id = ref.prompt.externalId;
  const carried = draws.uniform("carry", id, ref.candidate, ref.step) < JUDGING.generationCarryOver;
  const v = carried ? draws.uniform("img", id, ref.candidate) : draws.uniform("img", id, ref.candidate, ref.step);
  if (v < alignProbability(model, ref.prompt, draws))
    return { aligned: true, variant: draws.uniform("variant", id, ref.candidate) < 0.5 ? 0 : 1, error: null, detail: null };
  // Which object goes missing, one more or one fewer: a property of the prompt's failure mode, so a
  // prompt's failed candidates share few distinct pictures (and the seed renders few).
  const variant = draws.uniform("variant", id) < 0.5 ? 0 : 1;
  const error = pickWeighted(listApplicableErrors(ref.prompt.spec), draws.uniform("error", id, ref.candidate));
  return { aligned: false, variant, error, detail: applyError(ref.prompt.spec, error, variant).detail };
}

const UNPARSEABLE = [
  "The image shows a simple scene with a few objects.",
  "I cannot determine this from the image.",
  "Score: it depends on the details.",
  "The picture is a drawing.",
];

function phrase(verdict: 0 | 1, prompt: TPromptRecord, u: number): string {
  if (u >= JUDGING.freeForm) return `The score is ${verdict}.`;
  const text = prompt.text.replace(/^a photo of /i, "").replace(/\.$/, "");
  return verdict === 1 ? `Yes, the image shows ${text}.` : "No, the image does not fully describe the prompt.";
}

/**
 * The self-judge `judgeKey` (a checkpoint) answers "does this image describe the prompt?". Its
 * probability of "1" is the rank of this image's draw against the model's acceptance rate, so verdict
 * 1 ⇔ prob > 0.5. `corruption` flips the label afterwards (poor supervision).
 */
export function judgeSelf(model: TModel, ref: TImageRef, image: TImageDraw, judgeKey: string, draws: TDraws, corruption = 0): TSelfVerdict {
  const key = imageKey(ref);
  const p = acceptProbability(model, ref.prompt, image.aligned, draws);
  const coherent = draws.uniform("coherent", key, judgeKey) < JUDGING.coherence;
  const u = coherent ? draws.uniform("judge", key) : draws.uniform("judge", key, judgeKey);
  if (draws.uniform("parse", key, judgeKey) < JUDGING.unparseable) {
    return { verdict: null, prob: null, response: UNPARSEABLE[Math.floor(draws.uniform("garble", key, judgeKey) * UNPARSEABLE.length)]! };
  }
  let prob = sigmoid(logit(p) - logit(u));
  if (corruption > 0 && draws.uniform("corrupt", key, judgeKey) < corruption) prob = 1 - prob;
  const verdict = prob > 0.5 ? 1 : 0;
  return { verdict, prob: Math.round(prob * 1e4) / 1e4, response: phrase(verdict, ref.prompt, draws.uniform("form", key, judgeKey)) };
}

export function externalJudgeFor(prompt: TPromptRecord): string {
  return prompt.benchmark === "geneval" ? "geneval" : "qwen2.5-vl-72b";
}

/** The benchmark's own judge: the truth, wrong at its small error rate; the reason names the error. */
export function judgeExternal(ref: TImageRef, image: TImageDraw, draws: TDraws): TExternalVerdict {
  const judge = externalJudgeFor(ref.prompt);
  const mistaken = draws.uniform("external", imageKey(ref)) < (JUDGING.externalNoise[judge] ?? 0.05);
  const truth = image.aligned ? 1 : 0;
  const verdict = (mistaken ? 1 - truth : truth) as 0 | 1;
  const reason = image.aligned
    ? mistaken
      ? "aligned · simulated judge error: rejected it"
      : "aligned"
    : `${image.detail}${mistaken ? " · simulated judge error: accepted it" : ""}`;
  return { judge, verdict, reason };
}
