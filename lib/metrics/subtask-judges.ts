// Benchmarks whose subtasks each have their own evaluator. T2I-CompBench scores every category
// with its own metric (its Readme; docs/formats/t2i-compbench.md §1, §6): BLIP-VQA for the
// attribute categories, UniDet for spatial layouts and counting, CLIPScore for non-spatial
// relations, 3-in-1 for complex prompts. A category folder also holds other evaluators' output
// (complex holds all four), stored as further judges; this table keeps Gen on the category's own.

export const SUBTASK_JUDGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "t2i-compbench": {
    color: "blip-vqa",
    shape: "blip-vqa",
    texture: "blip-vqa",
    spatial: "unidet",
    "3d_spatial": "unidet-3d",
    numeracy: "unidet-numeracy",
    non_spatial: "clipscore",
    complex: "3-in-1",
  },
};

/** The key of a subtask's own judge in a judge map (`TExternalJudges`): `<benchmark>/<subtask>`. */
export const subtaskJudgeKey = (benchmark: string, subtask: string): string => `${benchmark}/${subtask}`;

/** The judge a benchmark defines for a subtask, or null (own-property lookups: names come from outside). */
export function definedSubtaskJudge(benchmark: string, subtask: string): string | null {
  const table = Object.hasOwn(SUBTASK_JUDGES, benchmark) ? SUBTASK_JUDGES[benchmark]! : null;
  return table && Object.hasOwn(table, subtask) ? table[subtask]! : null;
}
