import { describe, expect, it } from "vitest";

import { describeExternalJudges, judgeOfBenchmark, pickJudgePerBenchmark, singleJudge } from "./external-judges";

describe("external judge per benchmark", () => {
  it("picks each benchmark's most prolific judge, ties by name", () => {
    const picked = pickJudgePerBenchmark([
      { benchmark: "geneval", judge: "qwen", judgments: 3 },
      { benchmark: "geneval", judge: "geneval", judgments: 9 },
      { benchmark: "t2i-compbench", judge: "qwen", judgments: 9 },
      { benchmark: "t2i-compbench", judge: "geneval", judgments: 2 },
      { benchmark: "science", judge: "b", judgments: 4 },
      { benchmark: "science", judge: "a", judgments: 4 },
    ]);
    expect(picked).toEqual({ geneval: "geneval", science: "a", "t2i-compbench": "qwen" });
    expect(singleJudge(picked)).toBeNull();
    expect(singleJudge({ geneval: "geneval", t2i: "geneval" })).toBe("geneval");
    expect(singleJudge({})).toBeNull();
  });

  it("gives a T2I-CompBench category its own metric's judge, only when that judge judged it", () => {
    const picked = pickJudgePerBenchmark([
      { benchmark: "t2i-compbench", subtask: "color", judge: "blip-vqa", judgments: 30 },
      { benchmark: "t2i-compbench", subtask: "complex", judge: "blip-vqa", judgments: 30 },
      { benchmark: "t2i-compbench", subtask: "complex", judge: "clipscore", judgments: 30 },
      { benchmark: "t2i-compbench", subtask: "complex", judge: "3-in-1", judgments: 30 },
      { benchmark: "t2i-compbench", subtask: "spatial", judge: "qwen", judgments: 10 },
      { benchmark: "geneval", subtask: "colors", judge: "geneval", judgments: 9 },
    ]);
    expect(picked).toEqual({ geneval: "geneval", "t2i-compbench": "blip-vqa", "t2i-compbench/color": "blip-vqa", "t2i-compbench/complex": "3-in-1" });
    expect(judgeOfBenchmark(picked, "t2i-compbench", "complex")).toBe("3-in-1");
    // spatial's own judge (unidet) never judged it: the benchmark's choice applies.
    expect(judgeOfBenchmark(picked, "t2i-compbench", "spatial")).toBe("blip-vqa");
    expect(judgeOfBenchmark(picked, "geneval", "colors")).toBe("geneval");
  });

  it("looks benchmarks up as own keys only", () => {
    expect(judgeOfBenchmark({ geneval: "geneval" }, "geneval")).toBe("geneval");
    expect(judgeOfBenchmark({ geneval: "geneval" }, "constructor")).toBeNull();
    expect(judgeOfBenchmark({}, "__proto__")).toBeNull();
  });

  it("names the judges of a summary", () => {
    expect(describeExternalJudges({ externalJudge: "geneval", externalJudges: { geneval: "geneval" } })).toBe("geneval");
    expect(describeExternalJudges({ externalJudge: null, externalJudges: { geneval: "geneval", t2i: "qwen" } })).toBe("geneval (geneval), qwen (t2i)");
    expect(describeExternalJudges({ externalJudge: null, externalJudges: {} })).toBeNull();
  });
});
