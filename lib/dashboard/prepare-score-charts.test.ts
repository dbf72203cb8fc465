import { describe, expect, it } from "vitest";

import { prepareScoreCharts } from "./prepare-score-charts";
import { checkpoint, measure, subtask } from "./testing/summary-builders";

describe("prepareScoreCharts", () => {
  const checkpoints = [
    checkpoint(200, { subtasks: [subtask("color_attr", { non: measure(null, 0) }), subtask("counting")] }),
    checkpoint(0, { subtasks: [subtask("color_attr", { gen: measure(0.4, 8) })] }),
  ];

  it("draws Overall first, then every subtask, each with its checkpoints in step order", () => {
    const charts = prepareScoreCharts(checkpoints, { metrics: ["gen", "non"], subtasks: null });
    expect(charts.map((c) => c.title)).toEqual(["Overall", "color_attr", "counting"]);
    expect(charts[0]!.series[0]!.points.map((p) => p.x)).toEqual([0, 200]);
    expect(charts[0]!.xDomain).toEqual([0, 200]);
  });

  it("keeps a missing rate as a null gap with its n and no band", () => {
    const [, colorAttr] = prepareScoreCharts(checkpoints, { metrics: ["non"], subtasks: null });
    expect(colorAttr!.series[0]!.points[1]).toMatchObject({ value: null, band: null, n: 0 });
  });

  it("marks low-n points and keeps the 95% band with every point", () => {
    const [, colorAttr] = prepareScoreCharts(checkpoints, { metrics: ["gen"], subtasks: ["color_attr"] });
    const gen = colorAttr!.series[0]!;
    expect(gen.lowNPoints.map((p) => p.x)).toEqual([0]);
    expect(gen.points[0]!.band).toEqual([expect.closeTo(0.35), 0.45]);
  });

  it("mirrors Non into Unification and draws the 50% line when Und is shown", () => {
    const [overall] = prepareScoreCharts([checkpoint(0)], { metrics: ["und", "unif"], subtasks: [] });
    expect(overall!.series[1]!.points[0]).toMatchObject({ value: 0.7, band: [expect.closeTo(0.65), expect.closeTo(0.75)] });
    expect(overall!.referenceY).toBe(0.5);
  });

  it("is empty, not zero, for a scope without any value", () => {
    const [, colorAttr] = prepareScoreCharts([checkpoint(0, { subtasks: [subtask("color_attr", { non: measure(null, 0) })] })], {
      metrics: ["non"],
      subtasks: null,
    });
    expect(colorAttr!.state).toBe("empty");
  });
});
