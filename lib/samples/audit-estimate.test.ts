import { describe, expect, it } from "vitest";

import { estimateSelfPrecision } from "./audit-estimate";

describe("estimateSelfPrecision", () => {
  it("counts only labelled images the self-judge accepted", () => {
    const m = estimateSelfPrecision([
      { self: 1, label: 1 },
      { self: 1, label: 0 },
      { self: 1, label: 1 },
      { self: 1, label: null },
      { self: 0, label: 1 },
      { self: null, label: 0 },
    ]);
    expect(m.n).toBe(3);
    expect(m.value).toBeCloseTo(2 / 3);
    expect(m.lowN).toBe(true);
    expect(m.lo).toBeGreaterThan(0);
    expect(m.hi).toBeLessThan(1);
  });

  it("has no value, not 0%, before anything is labelled", () => {
    expect(estimateSelfPrecision([{ self: 1, label: null }])).toMatchObject({ value: null, n: 0 });
  });
});
