import { describe, expect, it } from "vitest";

import { mixSeed, percentileInterval, resampleStratumSums } from "./bootstrap";

describe("stratified cluster bootstrap", () => {
  const strata = [
    { rows: 3, values: Float64Array.from([1, 10, 2, 10, 3, 10]) },
    { rows: 1, values: Float64Array.from([5, 7]) },
  ];

  it("draws as many rows as each stratum has, so a one-row stratum repeats itself", () => {
    const sums = resampleStratumSums(strata, 2, { replicates: 50, seed: 1 });
    for (let r = 0; r < 50; r++) {
      const first = (r * 2 + 0) * 2;
      expect(sums[first + 1]).toBe(30); // 3 draws × 10
      expect([3, 4, 5, 6, 7, 8, 9]).toContain(sums[first]);
      expect([sums[(r * 2 + 1) * 2], sums[(r * 2 + 1) * 2 + 1]]).toEqual([5, 7]);
    }
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const a = resampleStratumSums(strata, 2, { replicates: 20, seed: 3 });
    expect(resampleStratumSums(strata, 2, { replicates: 20, seed: 3 })).toEqual(a);
    expect(resampleStratumSums(strata, 2, { replicates: 20, seed: 4 })).not.toEqual(a);
  });

  it("takes percentiles by linear interpolation between order statistics (R type 7)", () => {
    const values = Array.from({ length: 101 }, (_, i) => 100 - i); // 0..100, unsorted
    const interval = percentileInterval(values)!;
    expect(interval.lo).toBeCloseTo(2.5, 12);
    expect(interval.hi).toBeCloseTo(97.5, 12);
    expect(percentileInterval([1])).toBeNull();
  });

  it("mixes a seed with a step into distinct unsigned seeds", () => {
    const seeds = new Set([0, 1, 2, 100, 1000].map((step) => mixSeed(7, step)));
    expect(seeds.size).toBe(5);
    for (const seed of seeds) expect(seed).toBeGreaterThanOrEqual(0);
  });
});
