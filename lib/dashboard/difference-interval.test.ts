import { describe, expect, it } from "vitest";

import { differenceOf } from "./difference-interval";
import { measure } from "./testing/summary-builders";

describe("differenceOf (Newcombe)", () => {
  it("reproduces Newcombe's worked example 56/70 − 48/80 = 0.2 [0.0524, 0.3339]", () => {
    // Wilson 95% intervals of 56/70 and 48/80 (Newcombe 1998, example (a)).
    const d = differenceOf(
      { value: 56 / 70, lo: 0.691834, hi: 0.876953, n: 70, lowN: false },
      { value: 48 / 80, lo: 0.490455, hi: 0.700382, n: 80, lowN: false },
    );
    expect(d.value).toBeCloseTo(0.2, 6);
    expect(d.lo).toBeCloseTo(0.0524, 3);
    expect(d.hi).toBeCloseTo(0.3339, 3);
  });

  it("has no value when either side is missing and no interval when either has none", () => {
    expect(differenceOf(measure(null, 0), measure(0.5)).value).toBeNull();
    expect(differenceOf(measure(0.6, 10, { lo: null, hi: null }), measure(0.5))).toMatchObject({ value: expect.closeTo(0.1), lo: null, hi: null });
  });

  it("is low-n when either side is", () => {
    expect(differenceOf(measure(0.6, 5), measure(0.5, 300)).lowN).toBe(true);
  });
});
