import { describe, expect, it } from "vitest";

import { emaDebiased } from "./ema";

describe("emaDebiased", () => {
  it("starts at the first value instead of being pulled towards zero", () => {
    expect(emaDebiased([10, 10, 10], 0.9)).toEqual([10, 10, 10].map(() => expect.closeTo(10, 9)));
  });

  it("matches the textbook debiased recursion", () => {
    const [a, b] = emaDebiased([1, 3], 0.5);
    expect(a).toBeCloseTo(1);
    // s1 = 0.5, s2 = 0.25 + 1.5 = 1.75; debiased 1.75 / (1 − 0.25) = 2.333…
    expect(b).toBeCloseTo(7 / 3);
  });

  it("keeps gaps as gaps and carries its state across them", () => {
    const out = emaDebiased([2, null, 2], 0.8);
    expect(out[1]).toBeNull();
    expect(out[2]).toBeCloseTo(2);
  });

  it("is the raw series at weight 0", () => {
    expect(emaDebiased([1, 5, -3], 0)).toEqual([1, 5, -3]);
  });
});
