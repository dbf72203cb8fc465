import { describe, expect, it } from "vitest";

import { createRng } from "../rng";
import { LONG_RUN_POINTS, longRunValue, NAN_STEPS, SPIKE_STEP, SPIKE_VALUE } from "./long-run";
import { sweepRun } from "./many-runs";

describe("long-run", () => {
  it("plants exactly one spike, a few NaNs, and is otherwise a smooth noisy decay", () => {
    expect(longRunValue(SPIKE_STEP, 0)).toBe(SPIKE_VALUE);
    for (const step of NAN_STEPS) expect(longRunValue(step, 0)).toBeNaN();
    expect(SPIKE_STEP).toBeLessThan(LONG_RUN_POINTS);
    const others = [0, 1, SPIKE_STEP - 1, SPIKE_STEP + 1, LONG_RUN_POINTS - 1].map((s) => longRunValue(s, 0));
    expect(Math.max(...others)).toBeLessThan(SPIKE_VALUE / 10);
    expect(others.every(Number.isFinite)).toBe(true);
  });
});

describe("many-runs", () => {
  it("describes the same sweep for the same seed", () => {
    const draw = () => {
      const rng = createRng(10_000);
      return Array.from({ length: 50 }, (_, i) => sweepRun(i + 1, rng, "owner", "base"));
    };
    const [a, b] = [draw(), draw()];
    expect(a.map((r) => r.name)).toEqual(b.map((r) => r.name));
    expect(new Set(a.map((r) => r.name)).size).toBe(50);
    expect(a.every((r) => r.tags.includes("simulated"))).toBe(true);
  });
});
