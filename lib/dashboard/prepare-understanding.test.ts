import { describe, expect, it } from "vitest";

import { prepareConfusionCounts, prepareJudgeRateCharts, prepareTransitions } from "./prepare-understanding";
import { checkpoint, confusion, measure, subtask, triples } from "./testing/summary-builders";

const checkpoints = [
  checkpoint(100, {
    subtasks: [
      subtask("color_attr", {
        confusion: confusion({ tp: 1, fp: 2, tn: 3, fn: 4 }),
        triples: triples({ correctedFalsePositives: 7, newFalsePositives: 1, n: 50 }),
      }),
      subtask("counting", {
        confusion: confusion({ tp: 10, fp: 20, tn: 30, fn: 40, falsePositiveRate: measure(null, 0) }),
        triples: triples({ correctedFalsePositives: 3, newFalsePositives: 0, n: 40 }),
      }),
    ],
  }),
  checkpoint(0, { subtasks: [] }),
];

describe("understanding panels", () => {
  it("sums confusion counts over the chosen subtasks, per checkpoint in step order", () => {
    const all = prepareConfusionCounts(checkpoints, null);
    expect(all.rows[1]).toMatchObject({ x: 100, tp: 11, fp: 22, tn: 33, fn: 44, n: 110 });
    expect(prepareConfusionCounts(checkpoints, ["counting"]).rows[1]).toMatchObject({ tp: 10, n: 100 });
  });

  it("leaves a checkpoint without any chosen subtask empty rather than zero", () => {
    expect(prepareConfusionCounts(checkpoints, null).rows[0]).toMatchObject({ x: 0, tp: null, n: 0 });
  });

  it("draws corrected (0,1,0) and new (0,0,1) false positives with their n", () => {
    const t = prepareTransitions(checkpoints, null);
    expect(t.rows[1]).toMatchObject({ corrected: 10, introduced: 1, n: 90 });
    expect(t.scopeLabel).toBe("summed over all subtasks");
  });

  it("takes false-positive rate and precision from the engine per subtask, gaps kept", () => {
    const [colorAttr, counting] = prepareJudgeRateCharts(checkpoints, null);
    expect(colorAttr!.series[0]!.points[1]).toMatchObject({ value: 0.25, n: 40 });
    expect(counting!.series[0]!.points[1]).toMatchObject({ value: null, band: null });
    expect(colorAttr!.series[0]!.points[0]!.value).toBeNull();
  });
});
