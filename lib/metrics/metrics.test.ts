import { describe, expect, it } from "vitest";

import { computeConfusion } from "./confusion";
import { zeroOwnCounts, zeroTriples } from "./counts";
import { computeGeneration } from "./generation";
import { computeNonunified, computeUnification } from "./nonunified";
import { unweightedMean } from "./overall";
import { computeTriples } from "./triples";
import { computeUnderstanding } from "./understanding";
import { computeWeakGeneration, computeWeakGenerationHuman } from "./weak-generation";

// Hand-computed fixtures: every number below can be checked with pencil and paper.
const own = (counts: Partial<ReturnType<typeof zeroOwnCounts>>) => ({ ...zeroOwnCounts(), ...counts });
const triples = (counts: Partial<ReturnType<typeof zeroTriples>>) => ({ ...zeroTriples(), ...counts });

describe("Nonunified score", () => {
  it("is rejections over parsed self verdicts; unparseable answers stay out of both sides", () => {
    const counts = own({ selfN: 8, self0: 2, selfNull: 5 });
    expect(computeNonunified(counts)).toMatchObject({ value: 0.25, n: 8 });
    expect(computeUnification(computeNonunified(counts)).value).toBe(0.75);
  });

  it("is missing when every answer was unparseable", () => {
    expect(computeNonunified(own({ selfNull: 7 })).value).toBeNull();
  });

  it("mirrors the interval for Unification", () => {
    const non = computeNonunified(own({ selfN: 10, self0: 5 }));
    const uni = computeUnification(non);
    expect(uni.lo).toBeCloseTo(1 - non.hi!, 12);
    expect(uni.hi).toBeCloseTo(1 - non.lo!, 12);
  });

  it("reproduces the paper's Overall: the unweighted mean of the subtask values", () => {
    const subtasks = [43.33, 43.0, 27.33, 31.0, 2.33, 10.33];
    expect(unweightedMean(subtasks)!.toFixed(2)).toBe("26.22");
    expect(unweightedMean([0.5, null, 0.25])).toBe(0.375);
    expect(unweightedMean([null, null])).toBeNull();
  });
});

describe("Generation score", () => {
  it("is the external judge's aligned rate", () => {
    expect(computeGeneration(own({ extN: 20, ext1: 15 }))).toMatchObject({ value: 0.75, n: 20, lowN: true });
  });

  it("is the mean continuous score when the judge gave no verdict", () => {
    expect(computeGeneration(own({ scoreN: 4, scoreSum: 2.5, scoreSq: 1.75 })).value).toBe(0.625);
  });

  it("prefers verdicts over scores, and is missing with neither", () => {
    expect(computeGeneration(own({ extN: 2, ext1: 1, scoreN: 2, scoreSum: 1.8, scoreSq: 1.62 })).value).toBe(0.5);
    expect(computeGeneration(own({})).value).toBeNull();
  });
});

describe("Understanding score", () => {
  it("is the current checkpoint's win rate against the external judge where the two checkpoints disagree", () => {
    // disagreements: 010 ×3 (win), 101 ×1 (win), 001 ×1 (loss), 110 ×1 (loss) → 4 / 6
    const t = triples({ "000": 5, "010": 3, "101": 1, "001": 1, "110": 1, "111": 9 });
    expect(computeUnderstanding(t)).toMatchObject({ value: 4 / 6, n: 6, lowN: true });
  });

  it("is 0.5 with n = 0 when the checkpoints never disagree", () => {
    expect(computeUnderstanding(triples({ "000": 3, "111": 4 }))).toEqual({ value: 0.5, n: 0, lo: null, hi: null, lowN: true });
  });

  it("is missing when no baseline image was judged by both", () => {
    expect(computeUnderstanding(zeroTriples()).value).toBeNull();
  });

  it("is flagged low-n below 10 disagreements, not below 30", () => {
    expect(computeUnderstanding(triples({ "010": 6, "110": 4 })).lowN).toBe(false);
    expect(computeUnderstanding(triples({ "010": 6, "110": 3 })).lowN).toBe(true);
  });
});

describe("confusion, weak generation and triples", () => {
  const counts = own({ selfN: 20, self0: 8, tp: 9, fp: 3, tn: 6, fn: 2, humN: 5, humSelf0N: 4, humSelf0Bad: 1 });

  it("counts the self judge against the external verdict", () => {
    const c = computeConfusion(counts);
    expect([c.tp, c.fp, c.tn, c.fn]).toEqual([9, 3, 6, 2]);
    expect(c.falsePositiveRate).toMatchObject({ value: 3 / 9, n: 9 });
    expect(c.precision).toMatchObject({ value: 9 / 12, n: 12 });
  });

  it("weak generation is the share of self-rejected images the judge also rejects", () => {
    expect(computeWeakGeneration(counts)).toMatchObject({ value: 6 / 8, n: 8 });
    expect(computeWeakGenerationHuman(counts)).toMatchObject({ value: 1 / 4, n: 4 });
    expect(computeWeakGenerationHuman(own({ tn: 1 }))).toBeNull();
  });

  it("names corrected (0,1,0) and new (0,0,1) false positives", () => {
    const t = computeTriples(triples({ "010": 4, "001": 1, "111": 2 }));
    expect(t).toMatchObject({ correctedFalsePositives: 4, newFalsePositives: 1, n: 7 });
    expect(Object.keys(t.counts)).toHaveLength(8);
  });
});
