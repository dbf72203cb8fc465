import { describe, expect, it } from "vitest";

import type { TBootstrapOptions } from "./bootstrap";
import { summarizeCheckpoints, type TSummaryInput } from "./summarize";
import { tallyOwnCells, tallyTripleCells } from "./tally";
import { buildRecords, repeat, type TImageSpec } from "./testing/records";

const BOOTSTRAP = { replicates: 400, seed: 7 };
/** The fixtures' images are T2I-CompBench's ("t2i", the builders' default) judged by "geneval". */
const JUDGES = { t2i: "geneval" };

/** Summarises a run against its own first checkpoint, through the TypeScript reference. */
function summarizeOwnRun(images: TImageSpec[], baselineStep: number, steps: number[], bootstrap: TBootstrapOptions | null = BOOTSTRAP) {
  const { samples, judgments } = buildRecords(images);
  const input: TSummaryInput = {
    checkpoints: steps.map((step) => ({ step, epoch: null })),
    own: tallyOwnCells(
      samples.filter((s) => steps.includes(s.step)),
      judgments,
      JUDGES,
    ),
    baseline: tallyOwnCells(
      samples.filter((s) => s.step === baselineStep),
      judgments,
      JUDGES,
    ),
    triples: tallyTripleCells(samples, judgments, { baselineStep, currentJudge: "self", steps, externalJudges: JUDGES }),
    bootstrap,
  };
  return summarizeCheckpoints(input);
}

// The paper's Table: subtask Non 43.33, 43.00, 27.33, 31.00, 2.33, 10.33 → Overall 26.22.
// T2I-CompBench has 300 validation prompts per category; here 100 prompts × 3 images each.
const PAPER = [
  ["color", 130],
  ["shape", 129],
  ["texture", 82],
  ["spatial", 93],
  ["non_spatial", 7],
  ["complex", 31],
] as const;

function paperImages(imagesPerSubtask: (subtask: string) => number): TImageSpec[] {
  return PAPER.flatMap(([subtask, rejected]) => {
    const total = imagesPerSubtask(subtask);
    const scaledRejected = (rejected * total) / 300;
    return Array.from({ length: total }, (_, i) => ({
      step: 0,
      promptId: `${subtask}-${i % (total / 3)}`,
      subtask,
      self: i < scaledRejected ? (0 as const) : (1 as const),
    }));
  });
}

describe("run summary from counters", () => {
  it("reproduces the paper's arithmetic: Overall Non = unweighted mean of subtasks = 26.22", () => {
    const [checkpoint] = summarizeOwnRun(
      paperImages(() => 300),
      0,
      [0],
    );
    const values = checkpoint!.subtasks.map((s) => [s.subtask, (s.non.value! * 100).toFixed(2)]);
    expect(Object.fromEntries(values)).toEqual({ color: "43.33", shape: "43.00", texture: "27.33", spatial: "31.00", non_spatial: "2.33", complex: "10.33" });
    expect((checkpoint!.overall.non.value! * 100).toFixed(2)).toBe("26.22");
    expect(checkpoint!.overall.non.n).toBe(1800);
    expect(checkpoint!.overall.non.lo!).toBeLessThan(checkpoint!.overall.non.value!);
    expect(checkpoint!.overall.non.hi!).toBeGreaterThan(checkpoint!.overall.non.value!);
  });

  it("keeps the unweighted Overall when subtasks differ in size, and shows the pooled rate beside it", () => {
    const [checkpoint] = summarizeOwnRun(
      paperImages((s) => (s === "color" ? 600 : 300)),
      0,
      [0],
    );
    expect((checkpoint!.overall.non.value! * 100).toFixed(2)).toBe("26.22");
    expect(checkpoint!.overall.nonPooled).toMatchObject({ value: 602 / 2100, n: 2100 });
  });

  it("computes every figure of a hand-made run against its baseline", () => {
    // Prompts p1, p2 in subtask color. Baseline step 0, checkpoint step 10.
    // Baseline images: self/ext = (1,0) (0,0) (1,1) (0,1); judged by step 10 as 0, 0, 1, 1.
    // Triples (ext, base, cur): 010, 000, 111, 101 → disagreements 010 (win), 101 (win): Und 2/2.
    // Step 10 own images: self/ext = (1,1) (1,1) (0,0) (1,0) (null,1): Gen 3/5, Non 1/4, one unparseable.
    const images: TImageSpec[] = [
      { step: 0, promptId: "p1", self: 1, external: 0, judgedBy: [["self", 10, 0]] },
      { step: 0, promptId: "p1", self: 0, external: 0, judgedBy: [["self", 10, 0]] },
      { step: 0, promptId: "p2", self: 1, external: 1, judgedBy: [["self", 10, 1]] },
      { step: 0, promptId: "p2", self: 0, external: 1, judgedBy: [["self", 10, 1]] },
      { step: 10, promptId: "p1", self: 1, external: 1 },
      { step: 10, promptId: "p1", self: 1, external: 1, human: [1, 1] },
      { step: 10, promptId: "p2", self: 0, external: 0, human: [0, 0, 1] },
      { step: 10, promptId: "p2", self: 1, external: 0 },
      { step: 10, promptId: "p2", self: null, external: 1 },
    ];
    const [base, current] = summarizeOwnRun(images, 0, [0, 10]);
    const s = current!.subtasks[0]!;
    expect(s.gen).toMatchObject({ value: 3 / 5, n: 5 });
    expect(s.non).toMatchObject({ value: 1 / 4, n: 4 });
    expect(s.unparseable).toBe(1);
    expect(s.und).toMatchObject({ value: 1, n: 2, lowN: true });
    expect(s.triples.counts).toEqual({ "000": 1, "001": 0, "010": 1, "011": 0, "100": 0, "101": 1, "110": 0, "111": 1 });
    expect(s.triples).toMatchObject({ correctedFalsePositives: 1, newFalsePositives: 0, n: 4 });
    expect(s.confusion).toMatchObject({ tp: 2, fp: 1, tn: 1, fn: 0 });
    expect(s.weakGen).toMatchObject({ value: 1, n: 1 });
    expect(s.weakGenHuman).toMatchObject({ value: 1, n: 1 });
    // Baseline: Gen 2/4, Non 2/4 → ΔGen = 0.6 − 0.5, ΔNon = 0.25 − 0.5.
    expect(current!.trend.deltaGen.value).toBeCloseTo(0.1, 12);
    expect(current!.trend.deltaNon.value).toBeCloseTo(-0.25, 12);
    expect(base!.subtasks[0]!.und).toMatchObject({ value: 0.5, n: 0 });
    expect(base!.trend).toMatchObject({ class: "inconclusive", alarm: false });
    expect(base!.trend.deltaGen).toMatchObject({ value: 0, lo: 0, hi: 0 });
  });

  it("shows an empty subtask as null, never 0", () => {
    const images: TImageSpec[] = [
      ...repeat(3, { step: 0, promptId: "a", subtask: "color", self: 1, external: 1 }),
      ...repeat(3, { step: 0, promptId: "b", subtask: "shape", self: 0, external: 0 }),
      ...repeat(3, { step: 10, promptId: "a", subtask: "color", self: 0, external: 1 }),
    ];
    const [, current] = summarizeOwnRun(images, 0, [0, 10]);
    const shape = current!.subtasks.find((s) => s.subtask === "shape")!;
    expect(shape.gen).toEqual({ value: null, n: 0, lo: null, hi: null, lowN: true });
    expect(shape.non.value).toBeNull();
    expect(shape.und.value).toBeNull();
    expect(current!.overall.non).toMatchObject({ value: 1, n: 3 });
  });

  it("keeps all-unparseable answers out of Non and counts them", () => {
    const [checkpoint] = summarizeOwnRun(repeat(4, { step: 0, promptId: "a", self: null, external: 1 }), 0, [0]);
    expect(checkpoint!.subtasks[0]!.non.value).toBeNull();
    expect(checkpoint!.subtasks[0]!.unparseable).toBe(4);
    expect(checkpoint!.overall.non.value).toBeNull();
    expect(checkpoint!.overall.nonPooled.value).toBeNull();
  });

  it("gives a single prompt its value but no Overall interval (one cluster cannot show spread)", () => {
    const [checkpoint] = summarizeOwnRun(
      [
        { step: 0, promptId: "only", self: 0, external: 1 },
        { step: 0, promptId: "only", self: 1, external: 1 },
      ],
      0,
      [0],
    );
    expect(checkpoint!.overall.non).toMatchObject({ value: 0.5, n: 2, lo: null, hi: null, lowN: true });
    expect(checkpoint!.subtasks[0]!.non.lo).not.toBeNull();
  });

  it("says 0.5 with n = 0 when the checkpoints never disagree", () => {
    const images: TImageSpec[] = [
      ...repeat(5, { step: 0, promptId: "a", self: 1, external: 1, judgedBy: [["self", 10, 1]] }),
      ...repeat(5, { step: 0, promptId: "b", self: 0, external: 0, judgedBy: [["self", 10, 0]] }),
      ...repeat(5, { step: 10, promptId: "a", self: 1, external: 1 }),
    ];
    const [, current] = summarizeOwnRun(images, 0, [0, 10]);
    expect(current!.subtasks[0]!.und).toEqual({ value: 0.5, n: 0, lo: null, hi: null, lowN: true });
    expect(current!.overall.und).toMatchObject({ value: 0.5, n: 0, lo: null, hi: null });
  });

  it("gives a checkpoint the same figures alone as among all (the draws depend on the subtask, not on the company)", () => {
    const images: TImageSpec[] = [0, 10, 20].flatMap((step) =>
      Array.from({ length: 40 }, (_, i) => ({
        step,
        promptId: `p${i % 13}`,
        subtask: i % 2 ? "color" : "shape",
        self: ((i * 7 + step) % 3 === 0 ? 0 : 1) as 0 | 1,
        external: ((i + step) % 4 === 0 ? 0 : 1) as 0 | 1,
      })),
    );
    const all = summarizeOwnRun(images, 0, [0, 10, 20]);
    const alone = summarizeOwnRun(images, 0, [20]);
    expect(alone[0]).toEqual(all[2]);
    expect(all[2]!.overall.gen.lo).not.toBeNull();
  });

  it("skips intervals when asked to (cached run stats)", () => {
    const [checkpoint] = summarizeOwnRun(
      paperImages(() => 300),
      0,
      [0],
      null,
    );
    expect(checkpoint!.overall.non).toMatchObject({ lo: null, hi: null });
    expect(checkpoint!.subtasks[0]!.non.lo).not.toBeNull();
  });
});
