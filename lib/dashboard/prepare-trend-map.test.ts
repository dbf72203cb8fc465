import { describe, expect, it } from "vitest";

import { deltaNonColor, prepareTrendMap } from "./prepare-trend-map";
import { checkpoint, measure, runSummary, trend } from "./testing/summary-builders";
import type { TSummaryBundle } from "./types";

function bundle(runId: string, checkpoints: ReturnType<typeof checkpoint>[]): TSummaryBundle {
  return { runId, runName: `run ${runId}`, summary: runSummary(runId, checkpoints), baselineCheckpoint: null, baselineNote: null };
}

const degrading = bundle("bad", [
  checkpoint(200, {
    trend: trend({
      class: "co-degradation",
      alarm: true,
      deltaGen: measure(-0.1, 300),
      deltaNon: measure(-0.08, 300),
      reasons: ["Non improved while Gen fell"],
    }),
    overall: { ...checkpoint(0).overall, und: measure(0.4, 40) },
  }),
  checkpoint(100, { trend: trend({ class: "inconclusive", deltaGen: measure(-0.02, 300), deltaNon: measure(-0.02, 300) }) }),
]);
const improving = bundle("good", [
  checkpoint(100, {
    trend: trend({ deltaGen: measure(0.06, 300), deltaNon: measure(0.01, 300) }),
    overall: { ...checkpoint(0).overall, und: measure(0.6, 40) },
  }),
]);

describe("prepareTrendMap", () => {
  const map = prepareTrendMap([degrading, improving], new Map([["bad", "#111111"]]));

  it("places each checkpoint at (ΔGen, Und − 0.5) and draws each run's path in step order", () => {
    const bad = map.runs[0]!;
    expect(bad.points.map((p) => p.step)).toEqual([100, 200]);
    expect(bad.points[1]).toMatchObject({ x: -0.1, y: expect.closeTo(-0.1), alarm: true });
    expect(bad.color).toBe("#111111");
  });

  it("labels each run with the class of its latest checkpoint", () => {
    expect(map.runs.map((r) => r.cls)).toEqual(["co-degradation", "co-improvement"]);
  });

  it("lists the alarm with its reasons, the latest checkpoint's first", () => {
    expect(map.alarms).toEqual([{ runId: "bad", runName: "run bad", step: 200, steps: [200], reasons: ["Non improved while Gen fell"], isLatest: true }]);
  });

  it("uses symmetric domains on round numbers around the baseline so quadrants are honest", () => {
    expect(map.xDomain).toEqual([-0.2, 0.2]);
    expect(map.xTicks).toEqual([-0.2, -0.1, 0, 0.1, 0.2]);
  });

  it("colours fewer contradictions blue, more rose, and no change or no data slate", () => {
    expect(deltaNonColor(-0.08, 0.08)).toBe("rgb(14, 165, 233)");
    expect(deltaNonColor(0.08, 0.08)).toBe("rgb(244, 63, 94)");
    expect(deltaNonColor(null, 0.08)).toBe("rgb(148, 163, 184)");
  });

  it("keeps a low-n interval from stretching the axes", () => {
    const wide = bundle("w", [
      checkpoint(1, {
        trend: trend({ deltaGen: measure(0.05, 300) }),
        overall: { ...checkpoint(0).overall, und: measure(0.5, 0, { lo: 0, hi: 1, lowN: true }) },
      }),
    ]);
    expect(prepareTrendMap([wide], new Map()).yDomain).toEqual([-0.02, 0.02]);
  });

  it("counts checkpoints it cannot place instead of dropping them silently", () => {
    const noUnd = bundle("x", [checkpoint(5, { overall: { ...checkpoint(0).overall, und: measure(null, 0) } })]);
    const m = prepareTrendMap([noUnd], new Map());
    expect(m.runs[0]!.unplaced).toBe(1);
    expect(m.state).toBe("empty");
  });
});
