import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseGenEvalResults, summarizeGenEval } from "./geneval";

// A small results file in the format GenEval's evaluator writes (one object per image), on real
// GenEval prompts. By hand: single_object 6/8, counting 1/4, two_object 2/8; images 9/20; prompts
// with at least one correct image 4/5; overall = mean of tag accuracies = (0.75 + 0.25 + 0.25) / 3.
const fixture = fs.readFileSync(path.join(import.meta.dirname, "fixtures/geneval-results.jsonl"), "utf8");

describe("GenEval summary conventions", () => {
  const summary = summarizeGenEval(parseGenEvalResults(fixture));

  it("counts images and prompts (prompts grouped by metadata)", () => {
    expect(summary.totalImages).toBe(20);
    expect(summary.totalPrompts).toBe(5);
    expect(summary.correctImages).toMatchObject({ value: 0.45, n: 20 });
    expect(summary.correctPrompts).toMatchObject({ value: 0.8, n: 5 });
  });

  it("gives per-tag accuracy in order of first appearance, like groupby(sort=False)", () => {
    expect(summary.tags.map((t) => [t.tag, t.correct, t.total])).toEqual([
      ["single_object", 6, 8],
      ["counting", 1, 4],
      ["two_object", 2, 8],
    ]);
  });

  it("averages the tag accuracies for the overall score, not the images", () => {
    expect(summary.overall!.toFixed(5)).toBe("0.41667");
    expect(summary.overall).not.toBe(summary.correctImages.value);
  });

  it("is empty, not zero, for an empty file", () => {
    const empty = summarizeGenEval([]);
    expect(empty.overall).toBeNull();
    expect(empty.correctImages.value).toBeNull();
  });

  it("names the line of a malformed record", () => {
    expect(() => parseGenEvalResults(`${fixture.split("\n")[0]}\n{"tag": "colors"}\n`)).toThrow(/line 2/);
    expect(() => parseGenEvalResults("not json\n")).toThrow(/line 1: not JSON/);
  });
});
