// The real benchmark prompts shipped in prisma/seed/data (GenEval and T2I-CompBench, both MIT; their
// licences sit beside them), with a spec for each. T2I-CompBench only ships validation prompts: the
// demo splits each category into an eval third and a training-pool two thirds (see docs/simulator.md).
import "server-only";

import fs from "node:fs";
import path from "node:path";

import { specFromCompBench } from "./compbench-spec";
import { specFromGenEval, type TGenEvalMetadata } from "./geneval-spec";
import { tierOfSpec, type TPromptSpec } from "./spec";

export type TBenchmark = "geneval" | "t2i-compbench";
export type TPromptRecord = {
  externalId: string;
  text: string;
  benchmark: TBenchmark;
  subtask: string;
  tier: "easy" | "medium" | "hard";
  split: "train" | "eval";
  spec: TPromptSpec;
  /**
   * The benchmark's own description of the prompt, stored as the prompt's spec when there is one
   * (GenEval's metadata): prompts the demo seeds then match what GenEval's evaluator writes, so real
   * results imported into the same project line up with them instead of conflicting.
   */
  sourceSpec?: unknown;
};

export const COMPBENCH_SUBTASKS = ["color", "shape", "texture", "spatial", "non_spatial", "complex"] as const;
const DATA_DIR = path.join(process.cwd(), "prisma", "seed", "data");

export function loadGenEvalPrompts(dataDir = DATA_DIR): TPromptRecord[] {
  const lines = fs
    .readFileSync(path.join(dataDir, "geneval", "evaluation_metadata.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean);
  return lines.map((line, i) => {
    const meta = JSON.parse(line) as TGenEvalMetadata;
    const spec = specFromGenEval(meta);
    return {
      externalId: `geneval/${String(i).padStart(5, "0")}`,
      text: meta.prompt,
      benchmark: "geneval",
      subtask: meta.tag,
      tier: tierOfSpec(spec),
      split: "eval",
      spec,
      sourceSpec: meta,
    };
  });
}

export function loadCompBenchPrompts(dataDir = DATA_DIR): TPromptRecord[] {
  return COMPBENCH_SUBTASKS.flatMap((subtask) => {
    const lines = fs
      .readFileSync(path.join(dataDir, "t2i-compbench", `${subtask}_val.txt`), "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    return lines.map((text, i): TPromptRecord => {
      const spec = specFromCompBench(text);
      const split = i % 3 === 0 ? "eval" : "train";
      return {
        externalId: `t2i-compbench/${subtask}/${String(i).padStart(4, "0")}`,
        text,
        benchmark: "t2i-compbench",
        subtask,
        tier: tierOfSpec(spec),
        split,
        spec,
      };
    });
  });
}
