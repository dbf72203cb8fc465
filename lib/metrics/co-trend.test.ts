import { describe, expect, it } from "vitest";

import { classifyCoTrend } from "./co-trend";
import type { TMeasure } from "./summary-types";

const m = (value: number, lo: number, hi: number, n = 100): TMeasure => ({ value, n, lo, hi, lowN: false });
const up = m(0.05, 0.02, 0.08),
  down = m(-0.05, -0.08, -0.02),
  flat = m(0.01, -0.02, 0.04);
const undUp = m(0.7, 0.6, 0.8),
  undDown = m(0.3, 0.2, 0.4),
  undFlat = m(0.52, 0.4, 0.64);

describe("co-trend classes, decided on intervals", () => {
  it.each([
    [up, undUp, "co-improvement"],
    [down, undDown, "co-degradation"],
    [up, undDown, "trade-off"],
    [down, undUp, "trade-off"],
    [up, undFlat, "generation-only"],
    [down, undFlat, "generation-only"],
    [flat, undUp, "understanding-only"],
    [flat, undFlat, "inconclusive"],
  ] as const)("ΔGen %o, Und %o → %s", (deltaGen, und, cls) => {
    expect(classifyCoTrend({ deltaGen, und, deltaNon: flat }).class).toBe(cls);
  });

  it("does not call a point estimate a change when its interval crosses zero", () => {
    expect(classifyCoTrend({ deltaGen: m(0.2, -0.01, 0.4), und: m(0.9, 0.45, 1), deltaNon: flat }).class).toBe("inconclusive");
  });

  it("treats no disagreement (0.5, n = 0, no interval) as no change in understanding", () => {
    expect(classifyCoTrend({ deltaGen: up, und: { value: 0.5, n: 0, lo: null, hi: null, lowN: true }, deltaNon: flat }).class).toBe("generation-only");
  });

  it("raises the data-quality alarm when Non improves while Gen or Und significantly worsens", () => {
    const nonBetter = m(-0.1, -0.15, -0.05);
    const poorSupervision = classifyCoTrend({ deltaGen: down, und: undDown, deltaNon: nonBetter });
    expect(poorSupervision).toMatchObject({ class: "co-degradation", alarm: true });
    expect(poorSupervision.reasons.at(-1)).toMatch(/Gen and Und got significantly worse/);
    expect(classifyCoTrend({ deltaGen: flat, und: undDown, deltaNon: nonBetter }).alarm).toBe(true);
    expect(classifyCoTrend({ deltaGen: up, und: undUp, deltaNon: nonBetter }).alarm).toBe(false);
    expect(classifyCoTrend({ deltaGen: down, und: undDown, deltaNon: m(0.1, 0.05, 0.15) }).alarm).toBe(false);
  });
});
