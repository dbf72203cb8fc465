import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { writeCompBenchFolder } from "./fixtures/t2i-compbench";
import {
  compBenchSamples,
  EVALUATORS,
  mapAnswers,
  matchPrompt,
  mean,
  parsePromptList,
  parseSummary,
  sortImages,
  SUMMARY_TOLERANCE,
  type TT2iCategory,
} from "./t2i-compbench-format";

const PROMPTS = path.resolve("prisma/seed/data/t2i-compbench");
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "t2i-"));

/** What the importer does with a folder, without the network. */
function read(dir: string, category: TT2iCategory) {
  const images = sortImages(fs.readdirSync(path.join(dir, "samples")));
  const evaluator = EVALUATORS[category];
  const at = evaluator.results.findIndex((f) => fs.existsSync(path.join(dir, f)));
  const scores = mapAnswers(JSON.parse(fs.readFileSync(path.join(dir, evaluator.results[at]!), "utf8")), images, evaluator.keying, "vqa_result.json");
  const list = parsePromptList(fs.readFileSync(path.join(PROMPTS, `${category}_val.txt`), "utf8"));
  return {
    samples: compBenchSamples(images, [{ evaluator, scores }], category, list, 100),
    scores,
    summary: parseSummary(fs.readFileSync(path.join(dir, evaluator.summaries[at]!), "utf8")),
  };
}

describe("T2I-CompBench category folders", () => {
  it("reads the shipped prompt lists with their CRLF endings and final periods", () => {
    const color = parsePromptList(fs.readFileSync(path.join(PROMPTS, "color_val.txt"), "utf8"));
    expect(color.length).toBeGreaterThanOrEqual(290);
    expect(color.every((p) => !p.includes("\r"))).toBe(true);
    expect(fs.existsSync(path.join(PROMPTS, "LICENSE"))).toBe(true);
  });

  for (const category of ["color", "spatial", "non_spatial", "complex"] as const) {
    for (const layout of ["upstream", "fork"] as const) {
      it(`${category}, ${layout} layout: every image gets its own evaluator's score, the mean and the summary agree`, async () => {
        const fixture = await writeCompBenchFolder(tmp(), { category, prompts: 7, perPrompt: 3, layout, promptsDir: PROMPTS, seed: `${category}/${layout}` });
        const { samples, scores, summary } = read(fixture.dir, category);
        expect(samples).toHaveLength(21);
        fixture.files.forEach((file, i) => expect(scores.get(file)).toBeCloseTo(fixture.scores[i]!, 12));
        expect(mean(scores.values())! * 100).toBeCloseTo(fixture.mean * 100, 10);
        expect(Math.abs(summary! - mean(scores.values())!)).toBeLessThanOrEqual(SUMMARY_TOLERANCE);
        // several images per prompt are candidates 0..2 of one prompt, matched to the list
        const byPrompt = new Map<string, number[]>();
        for (const s of samples)
          byPrompt.set((s.prompt as { externalId: string }).externalId, [
            ...(byPrompt.get((s.prompt as { externalId: string }).externalId) ?? []),
            s.candidate!,
          ]);
        expect(byPrompt.size).toBe(7);
        for (const candidates of byPrompt.values()) expect(candidates.sort()).toEqual([0, 1, 2]);
        expect(samples.every((s) => s.candidates === 3)).toBe(true);
        expect(samples.find((s) => s.candidate === 0 && (s.prompt as { text: string }).text === fixture.promptTexts[0])!.prompt).toMatchObject({
          externalId: `t2i-compbench/${category}/0000`,
          benchmark: "t2i-compbench",
          subtask: category,
        });
        expect(samples[0]!.judgments![0]).toMatchObject({ kind: "external", judge: EVALUATORS[category].judge });
        expect(samples.map((s) => s.sourcePath).sort()).toEqual(fixture.files.map((f) => `samples/${f}`).sort());
      });
    }
  }

  it("names each category's own metric as its judge", () => {
    expect(Object.fromEntries(Object.entries(EVALUATORS).map(([c, e]) => [c, e.judge]))).toEqual({
      color: "blip-vqa",
      shape: "blip-vqa",
      texture: "blip-vqa",
      spatial: "unidet",
      non_spatial: "clipscore",
      complex: "3-in-1",
      "3d_spatial": "unidet-3d",
      numeracy: "unidet-numeracy",
    });
  });

  it("matches prompts cut to 100 characters in file names back to the full prompt", async () => {
    const fixture = await writeCompBenchFolder(tmp(), { category: "complex", prompts: 4, perPrompt: 2, layout: "fork", promptsDir: PROMPTS, longest: true });
    expect(fixture.promptTexts[0]!.length).toBeGreaterThan(100);
    const { samples } = read(fixture.dir, "complex");
    expect(samples.map((s) => (s.prompt as { text: string }).text).sort()).toEqual([...fixture.promptTexts].sort());
  });

  it("UniDet's question_id is the file index, not the position", () => {
    const images = sortImages(["a cat on the left of a dog_000010.png", "a cat on the left of a dog_000003.png", "notes.txt"]);
    expect(images.map((i) => i.index)).toEqual([3, 10]);
    const scores = mapAnswers(
      [
        { question_id: 10, answer: 0 },
        { question_id: 3, answer: 0.75 },
      ],
      images,
      "file-index",
      "f",
    );
    expect(scores.get("a cat on the left of a dog_000003.png")).toBe(0.75);
    expect(() =>
      mapAnswers(
        [
          { question_id: 1, answer: 0 },
          { question_id: 3, answer: 0.75 },
        ],
        images,
        "file-index",
        "f",
      ),
    ).toThrow(/question_id 1 names no image/);
  });

  it("refuses bad answers, count mismatches and unknown prompts with the file and entry", () => {
    const images = sortImages(["a red apple_000000.png", "a red apple_000001.png"]);
    expect(() => mapAnswers([{ question_id: 0, answer: "0.5" }], images, "position", "r.json")).toThrow(/r.json: 1 answers for 2 images/);
    expect(() =>
      mapAnswers(
        [
          { question_id: 0, answer: "0.5" },
          { question_id: 1, answer: "nan" },
        ],
        images,
        "position",
        "r.json",
      ),
    ).toThrow(/r.json: entry 2: answer "nan"/);
    expect(() =>
      mapAnswers(
        [
          { question_id: 0, answer: 1.5 },
          { question_id: 1, answer: 0 },
        ],
        images,
        "position",
        "r.json",
      ),
    ).toThrow(/entry 1: answer 1.5 is not a number in \[0, 1\]/);
    expect(() =>
      mapAnswers(
        [
          { question_id: 0, answer: 1 },
          { question_id: 0, answer: 0 },
        ],
        images,
        "position",
        "r.json",
      ),
    ).toThrow(/second answer/);
    expect(() => matchPrompt("a purple unicorn", "color", ["a red apple."])).toThrow(/not a prompt of color_val.txt/);
  });

  it("names every image whose prompt is unknown, with the count", () => {
    const images = sortImages(["a purple unicorn_000000.png", "a red apple._000001.png", "a green dragon_000002.png"]);
    expect(() => compBenchSamples(images, [], "color", ["a red apple."], 0)).toThrow(
      /2 images of samples\/ match no prompt; nothing was imported:\n  samples\/a purple unicorn_000000.png: "a purple unicorn" is not a prompt of color_val.txt/,
    );
  });

  it("reads every summary prefix", () => {
    expect(parseSummary("BLIP-VQA score:0.3055381605815168")).toBe(0.3055381605815168);
    expect(parseSummary("score avg:0.2899305013020833")).toBe(0.2899305013020833);
    expect(parseSummary("total:12.5 num:25 avg:0.5")).toBe(0.5);
    expect(parseSummary("garbage")).toBeNull();
  });
});
