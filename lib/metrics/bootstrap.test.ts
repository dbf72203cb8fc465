import { describe, expect, it } from "vitest";

import { drawResampleWeights, LANES, percentileInterval, resampledSums, stratumSeed } from "./bootstrap";

describe("cluster bootstrap over prompts", () => {
  it("draws as many prompts as there are, with replacement, in every replicate", () => {
    const weights = drawResampleWeights(5, 200, 1);
    for (let r = 0; r < 200; r++) {
      const row = Array.from(weights.counts.subarray(r * 5, r * 5 + 5));
      expect(row.reduce((a, b) => a + b, 0)).toBe(5);
    }
    // Across replicates every prompt is drawn about once on average.
    const perPrompt = [0, 1, 2, 3, 4].map((i) => Array.from({ length: 200 }, (_, r) => weights.counts[r * 5 + i]!).reduce((a, b) => a + b, 0) / 200);
    for (const mean of perPrompt) expect(mean).toBeGreaterThan(0.75);
    expect(Array.from(drawResampleWeights(1, 10, 1).counts)).toEqual(Array(10).fill(1));
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(drawResampleWeights(7, 20, 3)).toEqual(drawResampleWeights(7, 20, 3));
    expect(drawResampleWeights(7, 20, 4).counts).not.toEqual(drawResampleWeights(7, 20, 3).counts);
  });

  it("sums each per-prompt count under each replicate's draw counts", () => {
    // Replicate 0 draws prompts (0, 0, 2); replicate 1 draws (1, 2, 2). Two counts per prompt.
    const weights = { rows: 3, replicates: 2, counts: Uint16Array.from([2, 0, 1, 0, 1, 2]) };
    const values = new Float64Array(3 * LANES);
    [
      [1, 3],
      [10, 3],
      [100, 4],
    ].forEach(([a, b], i) => values.set([a!, b!], i * LANES));
    const sums = resampledSums(weights, values);
    expect([sums[0], sums[1], sums[LANES], sums[LANES + 1]]).toEqual([102, 10, 210, 11]);
    expect(sums[LANES - 1]).toBe(0);
  });

  it("takes percentiles by linear interpolation between order statistics (R type 7)", () => {
    const values = Array.from({ length: 101 }, (_, i) => 100 - i); // 0..100, unsorted
    const interval = percentileInterval(values)!;
    expect(interval.lo).toBeCloseTo(2.5, 12);
    expect(interval.hi).toBeCloseTo(97.5, 12);
    expect(percentileInterval([1])).toBeNull();
  });

  it("gives each subtask its own seed", () => {
    const seeds = new Set(["geneval\u0000colors", "geneval\u0000counting", "t2i\u0000color", "t2i\u0000colors"].map((key) => stratumSeed(7, key)));
    expect(seeds.size).toBe(4);
  });
});
