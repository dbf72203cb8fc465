import { describe, expect, it } from "vitest";

import { parseNonSeries, sparklineDomain, sparklinePath } from "./sparkline";

describe("sparkline", () => {
  it("reads arrays of rates and of { step, value } objects", () => {
    expect(parseNonSeries([0.4, null, 0.3])).toEqual([
      { step: null, value: 0.4 },
      { step: null, value: null },
      { step: null, value: 0.3 },
    ]);
    expect(parseNonSeries([{ step: 100, value: 0.2, n: 300 }])).toEqual([{ step: 100, value: 0.2 }]);
  });

  it("gives no sparkline for an unknown shape rather than a wrong one", () => {
    expect(parseNonSeries({ oops: 1 })).toEqual([]);
    expect(parseNonSeries("[]")).toEqual([]);
  });

  it("breaks the path at a missing checkpoint instead of bridging it", () => {
    const path = sparklinePath(
      [
        { step: 0, value: 1 },
        { step: 1, value: null },
        { step: 2, value: 0 },
      ],
      22,
      12,
      1,
    );
    expect(path).toBe("M1.0 1.0M21.0 11.0");
  });

  it("draws on the row's own range, never narrower than 10 points and never outside 0–100%", () => {
    const pts = (...v: (number | null)[]) => v.map((value) => ({ step: null, value }));
    expect(sparklineDomain(pts(0.45, 0.28, null))).toEqual([0.28, 0.45]);
    expect(sparklineDomain(pts(0.3, 0.32))).toEqual([expect.closeTo(0.26), expect.closeTo(0.36)]);
    expect(sparklineDomain(pts(0.01, 0.02))).toEqual([0, 0.1]);
    expect(sparklineDomain(pts(0.99))).toEqual([expect.closeTo(0.9), 1]);
    expect(sparklinePath(pts(0.5, 0.5), 10, 10, 0, [0.45, 0.55])).toBe("M0.0 5.0L10.0 5.0");
  });
});
