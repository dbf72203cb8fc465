import { describe, expect, it } from "vitest";

import { assignRunColors } from "@/lib/dashboard/run-colors";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createRng } from "@/prisma/seed/rng";
import { createTestProject, createTestRun, createTestUser } from "@/prisma/factories";

import { insertMetricPoints, type TMetricPointRow } from "./repository";
import { prepareDenseChart } from "./prepare-dense-chart";
import { getDensePanel } from "./service";
import { ZDenseSeriesQuery } from "./types";

const db = setupTestDatabase();
const T0 = Date.UTC(2026, 10, 1);

function curve(count: number, seed: number, at: (step: number) => number | undefined = () => undefined): TMetricPointRow[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, step) => ({
    key: "train/loss",
    step,
    value: at(step) ?? 2 * Math.exp(-step / 30_000) + 0.1 * rng(),
    wallTime: new Date(T0 + step * 1000),
  }));
}

async function insertInBatches(runId: string, points: TMetricPointRow[]) {
  for (let i = 0; i < points.length; i += 25_000) await insertMetricPoints(db.current.sql, runId, points.slice(i, i + 25_000));
}

function query(runs: string[], extra: Record<string, string> = {}) {
  return ZDenseSeriesQuery.parse({ runs: runs.join(","), key: "train/loss", ...extra });
}

describe("dense curves: bucketing on the server", () => {
  it("keeps a single-step spike of a 100,000-point series inside the drawn band at default zoom", async () => {
    const project = await createTestProject();
    const run = await createTestRun(project.id);
    const SPIKE_STEP = 61_337;
    await insertInBatches(
      run.id,
      curve(100_000, 1, (step) => (step === SPIKE_STEP ? 40 : undefined)),
    );
    const actor = { kind: "user" as const, userId: project.ownerId };
    const panel = await getDensePanel(actor, query([run.id]));
    expect(panel.grid.source).toBe("rollup-16");
    expect(panel.grid.count).toBeLessThanOrEqual(1001);
    const series = panel.series[0]!;
    expect(series.pointsInRange).toBe(100_000);
    expect(series.buckets.length).toBeLessThanOrEqual(5000);
    const model = prepareDenseChart(panel, { xAxis: "step", logY: false, emaWeight: 0.6, colors: assignRunColors([run.id]) });
    const drawn = model.series[0]!.points.find((p) => p.bucketFrom <= SPIKE_STEP && SPIKE_STEP <= p.bucketTo)!;
    expect(drawn.band![1]).toBe(40);
    expect(model.badge).toMatchObject({ drawn: series.buckets.length, inRange: 100_000, total: 100_000 });
  });

  it("gives the same buckets from rollups as from raw points, NaN and infinities counted and left out of min and max", async () => {
    const project = await createTestProject();
    const run = await createTestRun(project.id);
    const rng = createRng(7);
    const points = curve(40_000, 3, (step) =>
      step % 997 === 5 ? Number.NaN : step % 1999 === 11 ? Number.POSITIVE_INFINITY : rng() < 0.001 ? -50 : undefined,
    );
    await insertInBatches(run.id, points);
    const actor = { kind: "user" as const, userId: project.ownerId };
    const panel = await getDensePanel(actor, query([run.id], { from: "0", to: "39999", buckets: "500" }));
    expect(panel.grid).toMatchObject({ width: 80, source: "rollup-16" });
    // The same buckets, computed here from the points themselves.
    for (const b of panel.series[0]!.buckets) {
      const inside = points.filter((p) => p.step >= b.i * 80 && p.step < (b.i + 1) * 80);
      const finite = inside.map((p) => p.value).filter(Number.isFinite);
      expect(b).toMatchObject({
        n: inside.length,
        nonFinite: inside.length - finite.length,
        min: Math.min(...finite),
        max: Math.max(...finite),
        lastStep: inside.at(-1)!.step,
      });
      const last = inside.at(-1)!.value;
      expect(b.last).toBe(Number.isFinite(last) ? last : null);
      expect(b.lastWall).toBe(T0 + b.lastStep * 1000);
    }
    const raw = await getDensePanel(actor, query([run.id], { from: "1000", to: "1999" }));
    expect(raw.grid).toMatchObject({ source: "points", width: 1, count: 1000 });
    expect(raw.series[0]!.buckets.find((b) => b.lastStep === 1002)).toMatchObject({ n: 1, nonFinite: 1, min: null, max: null, last: null });
  });

  it("puts every run of a panel on one grid and names the runs without the key", async () => {
    const project = await createTestProject();
    const short = await createTestRun(project.id, { name: "short" });
    const long = await createTestRun(project.id, { name: "long" });
    const none = await createTestRun(project.id, { name: "none" });
    await insertInBatches(short.id, curve(3_000, 4));
    await insertInBatches(long.id, curve(50_000, 5));
    const panel = await getDensePanel({ kind: "user", userId: project.ownerId }, query([short.id, long.id, none.id]));
    expect(panel.grid).toMatchObject({ from: 0, source: "rollup-16" });
    expect(panel.series.map((s) => s.runName)).toEqual(["short", "long"]);
    expect(panel.series[0]!.buckets.at(-1)!.lastStep).toBe(2999);
    expect(panel.missing).toEqual([{ runId: none.id, runName: "none" }]);
  });

  it("re-queries a zoomed range with finer buckets and keeps run_metric_keys current", async () => {
    const project = await createTestProject();
    const run = await createTestRun(project.id);
    await insertInBatches(run.id, curve(60_000, 6));
    await insertMetricPoints(db.current.sql, run.id, [{ key: "train/loss", step: 59_999, value: 1, wallTime: null }]);
    const [keys] = await db.current.sql.query<{ count: number; min_step: number; max_step: number }>(
      `SELECT count, min_step, max_step FROM run_metric_keys WHERE run_id = $1`,
      [run.id],
    );
    expect(keys).toEqual({ count: 60_000, min_step: 0, max_step: 59_999 });
    const zoomed = await getDensePanel({ kind: "user", userId: project.ownerId }, query([run.id], { from: "10000", to: "10499" }));
    expect(zoomed.grid).toMatchObject({ from: 10_000, width: 1, source: "points" });
    expect(zoomed.series[0]!.pointsInRange).toBe(500);
  });

  it("gives each run its steps per epoch (from checkpoints) and the wall time of its first point", async () => {
    const project = await createTestProject();
    const run = await createTestRun(project.id);
    await insertMetricPoints(db.current.sql, run.id, curve(500, 8).slice(100));
    await db.current.sql.execute(`INSERT INTO checkpoints (run_id, step, epoch) VALUES ($1, 0, 0), ($1, 250, 1), ($1, 500, 2), ($1, 600, NULL)`, [run.id]);
    const panel = await getDensePanel({ kind: "user", userId: project.ownerId }, query([run.id]));
    expect(panel.series[0]).toMatchObject({ stepsPerEpoch: 250, t0: T0 + 100 * 1000, pointsTotal: 400 });
  });

  it("is NOT_FOUND for a stranger and for a share link scoped to another run", async () => {
    const project = await createTestProject();
    const run = await createTestRun(project.id);
    const stranger = await createTestUser();
    await expect(getDensePanel({ kind: "user", userId: stranger.id }, query([run.id]))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const share = { kind: "share" as const, linkId: "l", projectId: project.id, scope: "run" as const, runIds: [], sampleIds: [], anonymized: false };
    await expect(getDensePanel(share, query([run.id]))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDensePanel({ ...share, runIds: [run.id] }, query([run.id]))).resolves.toMatchObject({ series: [] });
  });
});
