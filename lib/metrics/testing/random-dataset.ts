// Random runs for the property tests: a run R and, half the time, a baseline run B of the same
// project whose images R's checkpoints judge as "self:<R>". Every kind of judgment the metrics must
// use or ignore appears: unparseable self answers, scores on a 1/64 grid (exact in float8 and in
// JavaScript, so sums agree bit for bit), a second external judge, ties between annotators, other
// checkpoints' verdicts and judges the metrics must not read, training candidates (SFT/DPO data,
// discarded) beside the evaluation images, and two external judges whose share differs by benchmark
// (each benchmark's default judge is its most prolific one).
import fc from "fast-check";

import type { TSampleRole } from "../sample-roles";
import type { TImageSpec } from "./records";

type TVerdict = 0 | 1 | null;
const verdict = fc.constantFrom<TVerdict>(0, 1, 1, null);
const maybeVerdict = fc.option(verdict, { nil: undefined, freq: 4 });
const score = fc.option(
  fc.integer({ min: 0, max: 64 }).map((k) => k / 64),
  { nil: undefined, freq: 2 },
);

const role = fc.constantFrom<TSampleRole>("eval", "eval", "eval", "sft_chosen", "dpo_chosen", "dpo_rejected", "discarded");

const abstractImage = fc.record({
  inBaselineRun: fc.boolean(),
  role,
  /** The image's main external judge is the other one than its benchmark's usual judge. */
  swapJudges: fc.constantFrom(false, false, true),
  stepIndex: fc.nat({ max: 7 }),
  prompt: fc.nat({ max: 6 }),
  self: maybeVerdict,
  external: maybeVerdict,
  score,
  secondJudge: maybeVerdict,
  human: fc.array(verdict, { maxLength: 3 }),
  judgedBy: fc.array(fc.record({ stepIndex: fc.nat({ max: 7 }), verdict, stray: fc.boolean() }), { maxLength: 3 }),
});

const ZERO_STEPS = [0, 10, 20, 30] as const;
const BASELINE_RUN_STEPS = [0, 5] as const;

export const datasetArbitrary = fc.record({
  crossRun: fc.boolean(),
  steps: fc.subarray([...ZERO_STEPS], { minLength: 1 }),
  recordedBaselineStep: fc.option(fc.constantFrom(...BASELINE_RUN_STEPS), { nil: null }),
  images: fc.array(abstractImage, { maxLength: 45 }),
});
export type TDataset = typeof datasetArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** GenEval's prompts are usually judged by its detector, T2I-CompBench's by a VLM. */
const JUDGES = ["geneval", "vlm"] as const;

const SUBTASKS = [
  ["t2i", "color"],
  ["t2i", "shape"],
  ["geneval", "color"],
  ["geneval", "counting"],
] as const;

/** Turns an abstract dataset into image specs for R and (cross-run) B, given R's id for the "self:<R>" judge. */
export function materializeDataset(dataset: TDataset, runId: string): { run: TImageSpec[]; baselineRun: TImageSpec[] } {
  const run: TImageSpec[] = [];
  const baselineRun: TImageSpec[] = [];
  for (const image of dataset.images) {
    const inB = dataset.crossRun && image.inBaselineRun;
    const ownSteps: readonly number[] = inB ? BASELINE_RUN_STEPS : dataset.steps;
    const step = ownSteps[image.stepIndex % ownSteps.length]!;
    const [benchmark, subtask] = SUBTASKS[image.prompt % SUBTASKS.length]!;
    const judge = inB ? `self:${runId}` : "self";
    const usual = benchmark === "geneval" ? JUDGES : ([JUDGES[1], JUDGES[0]] as const);
    const [main, second] = image.swapJudges ? [usual[1], usual[0]] : usual;
    // One verdict per (judge, step): the natural key of a judgment. A stray judge must be ignored.
    const judgedBy = new Map<string, [string, number, TVerdict]>();
    for (const j of image.judgedBy) {
      const judgeStep = dataset.steps[j.stepIndex % dataset.steps.length]!;
      const name = j.stray ? "self:someone-else" : judge;
      if (name === "self" && judgeStep === step) continue;
      judgedBy.set(`${name}|${judgeStep}`, [name, judgeStep, j.verdict]);
    }
    const spec: TImageSpec = {
      step,
      promptId: `p${image.prompt}`,
      benchmark,
      subtask,
      role: image.role,
      self: image.self,
      external: image.external,
      externalJudge: main,
      score: image.score,
      human: image.human,
      judgedBy: [...judgedBy.values()],
      extra: image.secondJudge === undefined ? [] : [{ kind: "external", judge: second, judgeStep: -1, verdict: image.secondJudge }],
    };
    (inB ? baselineRun : run).push(spec);
  }
  return { run, baselineRun };
}
