// A whole simulated run: the baseline's evaluation, or a post-training run's construction rounds,
// curriculum replays and evaluation checkpoints, in step order (a replay changes later checkpoints).
import type { TPromptRecord } from "../prompts/load-prompts";
import { runConstructionRound } from "./construction";
import { drawImage, judgeExternal, judgeSelf } from "./judge";
import { BASELINE_MODEL, modelAt, type TModel, type TRecipe } from "./model";
import { TRAINING } from "./params";
import type { TDraws } from "./random";
import type { TSimCheckpoint, TSimCrossJudgment, TSimRun, TSimSample } from "./types";

export type TPromptSets = { eval: readonly TPromptRecord[]; train: readonly TPromptRecord[] };
export type TSimOptions = { evalCandidates(prompt: TPromptRecord): number; trainCandidates: number; steps: number; stepsPerEpoch: number; evalEvery: number };
export type TRunSpec = { key: string; recipe: Omit<TRecipe, "replays">; replayEpochs: readonly number[]; pairs: boolean };

export const DEFAULT_SIM_OPTIONS: TSimOptions = {
  evalCandidates: () => 2,
  trainCandidates: TRAINING.candidatesPerTrainPrompt,
  steps: TRAINING.steps,
  stepsPerEpoch: TRAINING.stepsPerEpoch,
  evalEvery: TRAINING.evalEvery,
};

/** One evaluation checkpoint: each prompt's candidates drawn, self-judged by the same checkpoint and externally judged. */
export function evaluateCheckpoint(
  model: TModel,
  prompts: readonly TPromptRecord[],
  step: number,
  epoch: number,
  judgeKey: string,
  options: Pick<TSimOptions, "evalCandidates">,
  draws: TDraws,
): TSimSample[] {
  return prompts.flatMap((prompt) => {
    const n = options.evalCandidates(prompt);
    return Array.from({ length: n }, (_, candidate): TSimSample => {
      const ref = { prompt, candidate, step };
      const image = drawImage(model, ref, draws);
      return {
        prompt,
        step,
        epoch,
        candidate,
        candidates: n,
        role: "eval",
        image,
        self: judgeSelf(model, ref, image, judgeKey, draws),
        external: judgeExternal(ref, image, draws),
      };
    });
  });
}

export function simulateBaseline(sets: TPromptSets, options: TSimOptions, draws: TDraws): TSimRun {
  return {
    key: "baseline",
    checkpoints: [{ step: 0, epoch: 0, label: "pre-trained" }],
    samples: evaluateCheckpoint(BASELINE_MODEL, sets.eval, 0, 0, "baseline@0", options, draws),
    crossJudgments: [],
    rounds: [],
  };
}

/**
 * Post-training from the baseline: round 0 builds data with the baseline's own verdicts; each replay
 * epoch re-samples the discard pool with the current model; every `evalEvery` steps the checkpoint
 * draws and judges the eval set and judges the baseline's eval images (for the understanding score).
 */
export function simulateTrainingRun(spec: TRunSpec, sets: TPromptSets, baselineEval: readonly TSimSample[], options: TSimOptions, draws: TDraws): TSimRun {
  const recipe: TRecipe = { ...spec.recipe, replays: [] };
  const round = (model: TModel, prompts: readonly TPromptRecord[], step: number) =>
    runConstructionRound(
      {
        model,
        prompts,
        step,
        epoch: step / options.stepsPerEpoch,
        candidates: options.trainCandidates,
        judgeKey: `${spec.key}@${step}`,
        corruption: recipe.labelCorruption,
        pairs: spec.pairs,
      },
      draws,
    );
  const first = round(BASELINE_MODEL, sets.train, 0);
  const samples: TSimSample[] = [...first.samples];
  let pool = sets.train.filter((p) => !first.passed.has(p.externalId));
  const rounds: TSimRun["rounds"] = [
    { step: 0, label: "round 0 (construction)", sampled: sets.train.length, admitted: first.passed.size, poolAfter: pool.length },
  ];
  const checkpoints: TSimCheckpoint[] = [{ step: 0, epoch: 0, label: "round 0 (construction)" }];
  const crossJudgments: TSimCrossJudgment[] = [];
  const replaySteps = new Set(spec.replayEpochs.map((e) => e * options.stepsPerEpoch));

  for (let step = options.evalEvery; step <= options.steps; step += options.evalEvery) {
    const epoch = step / options.stepsPerEpoch;
    const model = modelAt(recipe, step / options.steps);
    const labels = [`epoch ${epoch}`];
    samples.push(...evaluateCheckpoint(model, sets.eval, step, epoch, `${spec.key}@${step}`, options, draws));
    for (const b of baselineEval) {
      const verdict = judgeSelf(model, { prompt: b.prompt, candidate: b.candidate, step: b.step }, b.image, `${spec.key}@${step}`, draws);
      crossJudgments.push({ prompt: b.prompt, candidate: b.candidate, judgeStep: step, verdict });
    }
    if (replaySteps.has(step) && pool.length > 0) {
      const replay = round(model, pool, step);
      samples.push(...replay.samples);
      const label = `round ${rounds.length} (replay)`;
      pool = pool.filter((p) => !replay.passed.has(p.externalId));
      rounds.push({ step, label, sampled: replay.samples.length / options.trainCandidates, admitted: replay.passed.size, poolAfter: pool.length });
      recipe.replays.push({ progress: step / options.steps, admittedShare: replay.passed.size / Math.max(1, first.passed.size) });
      labels.push(label);
    }
    checkpoints.push({ step, epoch, label: labels.join(" · ") });
  }
  return { key: spec.key, checkpoints, samples, crossJudgments, rounds };
}
