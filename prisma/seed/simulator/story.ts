// The demo's runs, modelled on the paper's experiments with Janus-Pro-7B: the pre-trained baseline,
// SFT and DPO on self-judged data, curriculum SFT with replay rounds, and SFT on corrupted labels.
import { COMPBENCH_SUBTASKS, type TPromptRecord } from "../prompts/load-prompts";
import { TRAINING } from "./params";
import { createDraws } from "./random";
import { DEFAULT_SIM_OPTIONS, simulateBaseline, simulateTrainingRun, type TPromptSets, type TRunSpec, type TSimOptions } from "./simulate-run";
import type { TSimRun } from "./types";

export const DEMO_SEED = 2507_16663;
/** Training prompts per T2I-CompBench category in the demo (of its ~200 training-split prompts). */
export const DEMO_TRAIN_PER_CATEGORY = 100;

export type TDemoRunDef = {
  key: string;
  name: string;
  method: string;
  tags: string[];
  notes: string;
  spec: TRunSpec | null;
};

export const DEMO_RUNS: TDemoRunDef[] = [
  {
    key: "baseline",
    name: "Janus-Pro-7B · pre-trained",
    method: "baseline",
    tags: ["simulated"],
    notes: "The pre-trained model every post-training run is compared against.",
    spec: null,
  },
  {
    key: "sft",
    name: "Janus-Pro-7B · SFT on self-judged data",
    method: "sft",
    tags: ["simulated"],
    notes: "SFT on the candidates its own understanding branch accepted: generation and understanding improve together.",
    spec: { key: "sft", recipe: { method: "sft", labelCorruption: 0 }, replayEpochs: [], pairs: false },
  },
  {
    key: "dpo",
    name: "Janus-Pro-7B · DPO on self-judged pairs",
    method: "dpo",
    tags: ["simulated"],
    notes: "DPO on (most confident accept, most confident reject) pairs: smaller gains than SFT.",
    spec: { key: "dpo", recipe: { method: "dpo", labelCorruption: 0 }, replayEpochs: [], pairs: true },
  },
  {
    key: "curriculum",
    name: "Janus-Pro-7B · curriculum SFT",
    method: "curriculum_sft",
    tags: ["simulated", "curriculum"],
    notes: `Prompts with no accepted candidate wait in a discard pool; replay rounds at epochs ${TRAINING.replayEpochs.join(" and ")} re-sample them and admit those that now pass.`,
    spec: { key: "curriculum", recipe: { method: "curriculum_sft", labelCorruption: 0 }, replayEpochs: TRAINING.replayEpochs, pairs: false },
  },
  {
    key: "poor-supervision",
    name: "Janus-Pro-7B · SFT with corrupted labels",
    method: "sft",
    tags: ["simulated", "poor-supervision"],
    notes: "75% of the self verdicts used to build the SFT set were flipped: generation and understanding degrade while the Nonunified score still improves.",
    spec: { key: "poor-supervision", recipe: { method: "sft", labelCorruption: 0.75 }, replayEpochs: [], pairs: false },
  },
];

/**
 * GenEval's 553 prompts and T2I-CompBench's eval third for evaluation; part of its training split as
 * the pool. `stride` k keeps every k-th prompt (and 1/k of the pool) for smaller, faster variants.
 */
export function selectDemoPrompts(all: readonly TPromptRecord[], stride = 1): TPromptSets {
  const perCategory = Math.ceil(DEMO_TRAIN_PER_CATEGORY / stride);
  const train = COMPBENCH_SUBTASKS.flatMap((subtask) => all.filter((p) => p.subtask === subtask && p.split === "train").slice(0, perCategory));
  return { eval: all.filter((p) => p.split === "eval").filter((_, i) => i % stride === 0), train };
}

export type TDemoSimulation = { baseline: TSimRun; runs: { def: TDemoRunDef; run: TSimRun }[] };

export function simulateDemo(sets: TPromptSets, options: TSimOptions = DEFAULT_SIM_OPTIONS, seed = DEMO_SEED): TDemoSimulation {
  const draws = createDraws(seed);
  const baseline = simulateBaseline(sets, options, draws);
  const runs = DEMO_RUNS.filter((d) => d.spec).map((def) => ({ def, run: simulateTrainingRun(def.spec!, sets, baseline.samples, options, draws) }));
  return { baseline, runs };
}
