import { describe, expect, it } from "vitest";
import type { TMeasure } from "../metrics/summary-types";
import { evaluateThresholdRule } from "./threshold-rules";

const m = (value: number | null, lo: number | null, hi: number | null, n = 200): TMeasure => ({ value, lo, hi, n, lowN: n < 30 });
const none = m(null, null, null, 0);

describe("threshold rules", () => {
  it("gen_below_baseline fires only when the whole interval is more than X points below", () => {
    const rule = { kind: "gen_below_baseline", points: 5 } as const;
    expect(evaluateThresholdRule(rule, { deltaGen: m(-0.1, -0.14, -0.06), und: none, subtaskNon: [] }).fired).toBe(true);
    expect(evaluateThresholdRule(rule, { deltaGen: m(-0.1, -0.14, -0.04), und: none, subtaskNon: [] }).fired).toBe(false);
    expect(evaluateThresholdRule(rule, { deltaGen: none, und: none, subtaskNon: [] }).fired).toBe(false);
  });

  it("und_below_half and subtask_non_above name the figures with n and interval", () => {
    const und = evaluateThresholdRule({ kind: "und_below_half" }, { deltaGen: none, und: m(0.4, 0.33, 0.47), subtaskNon: [] });
    expect(und.fired).toBe(true);
    expect(und.reasons[0]).toContain("n = 200");
    const non = evaluateThresholdRule(
      { kind: "subtask_non_above", percent: 20 },
      {
        deltaGen: none,
        und: none,
        subtaskNon: [
          { subtask: "counting", non: m(0.3, 0.24, 0.36) },
          { subtask: "color", non: m(0.25, 0.18, 0.32) },
        ],
      },
    );
    expect(non.fired).toBe(true);
    expect(non.reasons).toHaveLength(1);
    expect(non.reasons[0]).toContain("counting");
  });
});
