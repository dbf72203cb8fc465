import { describe, expect, it } from "vitest";

import { denseChartCsvRows, nearestPoint, prepareDenseChart, type TDenseChartOptions, xRangeToSteps } from "./prepare-dense-chart";
import type { TDenseBucket, TDensePanel, TDenseSeries } from "./types";

function bucket(i: number, last: number | null, overrides: Partial<TDenseBucket> = {}): TDenseBucket {
  return { i, n: 10, nonFinite: 0, min: last, max: last, lastStep: i * 10 + 9, last, lastWall: Date.UTC(2026, 0, 1) + i * 10_000, ...overrides };
}

function series(buckets: TDenseBucket[], overrides: Partial<TDenseSeries> = {}): TDenseSeries {
  const n = buckets.reduce((sum, b) => sum + b.n, 0);
  return { runId: "r1", runName: "run one", pointsTotal: n, pointsInRange: n, stepsPerEpoch: 100, t0: Date.UTC(2026, 0, 1), buckets, ...overrides };
}

function panel(list: TDenseSeries[], overrides: Partial<TDensePanel> = {}): TDensePanel {
  return { key: "train/loss", grid: { from: 0, to: 999, width: 10, count: 100, source: "points" }, series: list, missing: [], ...overrides };
}

const options: TDenseChartOptions = { xAxis: "step", logY: false, emaWeight: 0, colors: new Map([["r1", "#123456"]]) };

describe("prepareDenseChart", () => {
  it("draws a single-step spike inside the bucket's band while the last value stays ordinary", () => {
    const buckets = Array.from({ length: 100 }, (_, i) => bucket(i, 1));
    buckets[42] = bucket(42, 1, { max: 250, min: 0.9 });
    const model = prepareDenseChart(panel([series(buckets)]), options);
    const spiked = model.series[0]!.points.find((p) => p.bucket === 42)!;
    expect(spiked.band).toEqual([0.9, 250]);
    expect(spiked.last).toBe(1);
    expect(model.state).toBe("ready");
  });

  it("keeps a NaN-last bucket as a null gap, never a zero, and says how many values were not drawn", () => {
    const model = prepareDenseChart(panel([series([bucket(0, 1), bucket(1, null, { min: null, max: null, nonFinite: 10 }), bucket(2, 1)])]), options);
    expect(model.series[0]!.points.map((p) => p.last)).toEqual([1, null, 1]);
    expect(model.notes.join(" ")).toMatch(/10 NaN or infinite values/);
  });

  it("breaks the line over a long stretch without data but joins ordinary spacing", () => {
    const model = prepareDenseChart(panel([series([bucket(0, 1), bucket(1, 1), bucket(2, 1), bucket(10, 1), bucket(11, 1)])]), options);
    const lasts = model.series[0]!.points.map((p) => p.last);
    expect(lasts).toEqual([1, 1, 1, null, 1, 1]);
  });

  it("overlays a labelled debiased EMA and never replaces the raw line", () => {
    const model = prepareDenseChart(panel([series([bucket(0, 4), bucket(1, 0), bucket(2, 4)])]), { ...options, emaWeight: 0.5 });
    const points = model.series[0]!.points;
    expect(points.map((p) => p.last)).toEqual([4, 0, 4]);
    expect(points[0]!.ema).toBeCloseTo(4);
    expect(model.ema?.label).toMatch(/EMA 0.5 \(debiased/);
  });

  it("hides values ≤ 0 on the log scale and counts them", () => {
    const model = prepareDenseChart(panel([series([bucket(0, 0), bucket(1, 2)])]), { ...options, logY: true });
    expect(model.series[0]!.points.map((p) => p.last)).toEqual([null, 2]);
    expect(model.notes.join(" ")).toMatch(/run one: 2 values ≤ 0/);
  });

  it("maps x to epochs and relative seconds, and leaves out a run without a clock with a note", () => {
    const epoch = prepareDenseChart(panel([series([bucket(0, 1)])]), { ...options, xAxis: "epoch" });
    expect(epoch.series[0]!.points[0]!.x).toBeCloseTo(0.09);
    const time = prepareDenseChart(panel([series([bucket(3, 1)])]), { ...options, xAxis: "time" });
    expect(time.series[0]!.points[0]!.x).toBe(30);
    const noEpoch = prepareDenseChart(panel([series([bucket(0, 1)], { stepsPerEpoch: null })]), { ...options, xAxis: "epoch" });
    expect(noEpoch.series).toHaveLength(0);
    expect(noEpoch.state).toBe("empty");
    expect(noEpoch.notes[0]).toMatch(/no epoch/);
  });

  it("counts what is shown against what exists for the badge", () => {
    const model = prepareDenseChart(panel([series([bucket(0, 1), bucket(1, 1)], { pointsTotal: 5000, pointsInRange: 20 })]), options);
    expect(model.badge).toEqual({ drawn: 2, inRange: 20, total: 5000, bucketWidth: 10 });
  });

  it("says which runs never logged the key and is empty without data", () => {
    const model = prepareDenseChart(panel([], { missing: [{ runId: "r2", runName: "run two" }] }), options);
    expect(model.state).toBe("empty");
    expect(model.notes).toEqual(["run two has not logged train/loss."]);
  });

  it("exports exactly the drawn buckets, gaps excluded, missing values empty", () => {
    const model = prepareDenseChart(panel([series([bucket(0, 1), bucket(1, null, { min: null, max: null, nonFinite: 10 }), bucket(5, 2)])]), options);
    const { header, rows } = denseChartCsvRows(model);
    expect(header.slice(0, 4)).toEqual(["run", "step", "step", "last"]);
    expect(rows.map((r) => r[3])).toEqual([1, null, 2]);
  });
});

describe("zoom and tooltip helpers", () => {
  const model = prepareDenseChart(panel([series([bucket(0, 1), bucket(1, 2), bucket(2, 3), bucket(3, 4)])]), { ...options, xAxis: "time" });

  it("turns a step-axis selection into a step range and ignores a click without a drag", () => {
    const steps = prepareDenseChart(panel([series([bucket(0, 1)])]), options);
    expect(xRangeToSteps(steps, 120.4, 40.2)).toEqual({ from: 40, to: 121 });
    expect(xRangeToSteps(steps, 40.2, 40.5)).toBeNull();
  });

  it("turns a time-axis selection into the steps of the buckets it covers", () => {
    // Bucket i's last point is at i * 10 s on the relative-time axis.
    expect(xRangeToSteps(model, 5, 25)).toEqual({ from: 10, to: 29 });
  });

  it("snaps the tooltip to the nearest drawn bucket", () => {
    expect(nearestPoint(model.series[0]!.points, 14)!.bucket).toBe(1);
  });
});
