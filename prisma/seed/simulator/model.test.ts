import { describe, expect, it } from "vitest";

import type { TPromptRecord } from "../prompts/load-prompts";
import { trainingCurves, learningRate } from "./curves";
import { drawImage, judgeSelf } from "./judge";
import { BASELINE_MODEL, baselineSkill, labelPrecision, modelAt, supervisionSignal } from "./model";
import { createDraws, sigmoid } from "./random";

const sft = { method: "sft" as const, labelCorruption: 0, replays: [] };
const poor = { method: "sft" as const, labelCorruption: 0.75, replays: [] };

function prompt(i: number, subtask = "color_attr"): TPromptRecord {
  return {
    externalId: `p${i}`,
    text: "a red car and a blue cup",
    benchmark: "geneval",
    subtask,
    tier: "medium",
    split: "eval",
    spec: {
      objects: [
        { noun: "car", count: 1, color: "red" },
        { noun: "cup", count: 1, color: "blue" },
      ],
    },
  };
}

describe("supervision signal", () => {
  it("is positive for the model's own clean labels and negative once most of them are flipped", () => {
    for (const subtask of ["counting", "color", "spatial", "position"]) {
      const skill = baselineSkill(subtask);
      expect(labelPrecision(skill, 0)).toBeGreaterThan(sigmoid(skill.gen));
      expect(supervisionSignal(skill, 0)).toBeGreaterThan(0);
      expect(supervisionSignal(skill, 0.75)).toBeLessThan(0);
    }
  });
});

describe("modelAt", () => {
  it("is the baseline before training starts", () => {
    expect(modelAt(sft, 0)).toBe(BASELINE_MODEL);
    expect(modelAt(null, 0.5)).toBe(BASELINE_MODEL);
  });

  it("couples generation and understanding: good data raises generation and lowers false positives, bad data does the opposite", () => {
    const base = baselineSkill("color");
    const good = modelAt(sft, 1).skill("color");
    const bad = modelAt(poor, 1).skill("color");
    expect(good.gen).toBeGreaterThan(base.gen);
    expect(good.fpr).toBeLessThan(base.fpr);
    expect(bad.gen).toBeLessThan(base.gen);
    expect(bad.fpr).toBeGreaterThan(base.fpr);
    expect(bad.tpr).toBeGreaterThan(base.tpr);
  });

  it("moves monotonically with training progress", () => {
    const gens = [0.25, 0.5, 0.75, 1].map((p) => modelAt(sft, p).skill("counting").gen);
    expect([...gens].sort((a, b) => a - b)).toEqual(gens);
  });

  it("boosts hard prompts after a curriculum replay admitted some", () => {
    const withReplay = modelAt({ method: "curriculum_sft", labelCorruption: 0, replays: [{ progress: 0.5, admittedShare: 0.05 }] }, 1);
    expect(withReplay.hardBoost).toBeGreaterThan(0);
    expect(modelAt({ method: "curriculum_sft", labelCorruption: 0, replays: [{ progress: 0.5, admittedShare: 0.05 }] }, 0.5).hardBoost).toBe(0);
  });
});

describe("drawn candidates and verdicts (fixed seed)", () => {
  const draws = createDraws(7);
  const prompts = Array.from({ length: 400 }, (_, i) => prompt(i));
  const images = prompts.flatMap((p) =>
    [0, 1, 2, 3].map((candidate) => ({ ref: { prompt: p, candidate, step: 0 }, image: drawImage(BASELINE_MODEL, { prompt: p, candidate, step: 0 }, draws) })),
  );

  it("aligns about as often as the subtask's skill says and names an error on every misaligned one", () => {
    const aligned = images.filter((x) => x.image.aligned).length / images.length;
    expect(aligned).toBeGreaterThan(0.5);
    expect(aligned).toBeLessThan(0.75);
    expect(images.filter((x) => !x.image.aligned).every((x) => x.image.error && x.image.detail?.startsWith(x.image.error))).toBe(true);
  });

  it("self-judges like the paper's Janus-Pro: Non between 20% and 45%, most rejections on truly bad images", () => {
    const verdicts = images.map((x) => ({ aligned: x.image.aligned, v: judgeSelf(BASELINE_MODEL, x.ref, x.image, "b", draws) }));
    const parsed = verdicts.filter((x) => x.v.verdict !== null);
    const rejected = parsed.filter((x) => x.v.verdict === 0);
    const non = rejected.length / parsed.length;
    expect(non).toBeGreaterThan(0.2);
    expect(non).toBeLessThan(0.45);
    expect(rejected.filter((x) => !x.aligned).length / rejected.length).toBeGreaterThan(0.5);
    expect(verdicts.length - parsed.length).toBeGreaterThan(0);
    expect(parsed.every((x) => x.v.prob! > 0.5 === (x.v.verdict === 1))).toBe(true);
  });

  it("answers in the paper's template, sometimes as yes/no", () => {
    const responses = images.slice(0, 400).map((x) => judgeSelf(BASELINE_MODEL, x.ref, x.image, "b", draws));
    expect(responses.filter((r) => /^The score is [01]\.$/.test(r.response)).length).toBeGreaterThan(300);
    expect(responses.some((r) => /^(Yes|No), /.test(r.response))).toBe(true);
  });
});

describe("trainingCurves", () => {
  it("warms the learning rate up, decays it to zero and is reproducible", () => {
    expect(learningRate(0, 2000, 1e-5)).toBeCloseTo(1e-7);
    expect(learningRate(99, 2000, 1e-5)).toBeCloseTo(1e-5);
    expect(learningRate(1999, 2000, 1e-5)).toBeLessThan(1e-8);
    const a = trainingCurves({ steps: 300, peakLr: 1e-5, dpo: true, replaySteps: [], seed: 3 });
    expect(a).toEqual(trainingCurves({ steps: 300, peakLr: 1e-5, dpo: true, replaySteps: [], seed: 3 }));
    expect(new Set(a.map((p) => p.key))).toEqual(new Set(["train/loss", "train/lr", "train/grad_norm", "dpo/margin"]));
  });

  it("bumps the loss when a replay round adds data", () => {
    const loss = (replaySteps: number[]) =>
      trainingCurves({ steps: 600, peakLr: 1e-5, dpo: false, replaySteps, seed: 1 }).filter((p) => p.key === "train/loss");
    expect(loss([500])[500]!.value - loss([])[500]!.value).toBeCloseTo(0.18, 5);
  });
});
