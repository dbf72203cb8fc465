import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { meanMeasure, proportionMeasure } from "./measure";
import { wilsonInterval } from "./wilson";

describe("Wilson 95% interval", () => {
  it("matches the textbook values", () => {
    expect(wilsonInterval(0, 10)!.lo).toBe(0);
    expect(wilsonInterval(0, 10)!.hi).toBeCloseTo(0.27753, 5);
    expect(wilsonInterval(5, 10)!.lo).toBeCloseTo(0.236593, 6);
    expect(wilsonInterval(5, 10)!.hi).toBeCloseTo(0.763407, 6);
    expect(wilsonInterval(10, 10)!.lo).toBeCloseTo(0.722467, 6);
    expect(wilsonInterval(10, 10)!.hi).toBeLessThanOrEqual(1);
    expect(wilsonInterval(130, 300)!.lo).toBeCloseTo(0.378451, 6);
    expect(wilsonInterval(130, 300)!.hi).toBeCloseTo(0.489901, 6);
  });

  it("has no interval around nothing", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("always contains the point estimate and stays inside [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([k, n]) => {
          const { lo, hi } = wilsonInterval(k, n)!;
          return lo >= 0 && hi <= 1 && lo <= k / n + 1e-12 && k / n <= hi + 1e-12;
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe("measures", () => {
  it("a proportion carries n, its interval and a low-n flag below 30", () => {
    expect(proportionMeasure(3, 4)).toMatchObject({ value: 0.75, n: 4, lowN: true });
    expect(proportionMeasure(130, 300)).toMatchObject({ value: 130 / 300, n: 300, lowN: false });
    expect(proportionMeasure(29, 29).lowN).toBe(true);
    expect(proportionMeasure(30, 30).lowN).toBe(false);
  });

  it("an empty cell is null with n = 0, not a 0% rate", () => {
    expect(proportionMeasure(0, 0)).toEqual({ value: null, n: 0, lo: null, hi: null, lowN: true });
  });

  it("a mean score gets a normal interval from its sum of squares", () => {
    // scores 0.2, 0.4, 0.6: mean 0.4, sd 0.2, half-width 1.96 × 0.2 / √3
    const m = meanMeasure(3, 1.2, 0.04 + 0.16 + 0.36);
    expect(m.value).toBeCloseTo(0.4, 12);
    expect(m.hi! - m.value!).toBeCloseTo((1.959963984540054 * 0.2) / Math.sqrt(3), 10);
    expect(meanMeasure(1, 0.7, 0.49)).toEqual({ value: 0.7, n: 1, lo: null, hi: null, lowN: true });
  });
});
