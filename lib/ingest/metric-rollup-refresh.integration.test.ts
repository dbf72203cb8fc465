import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ZLogMetricsRequest, type TLogMetricsInput } from "@/lib/api/contracts/metrics";
import type { TActor } from "@/lib/auth/actor";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { getDensePanel } from "@/lib/series/service";
import type { TDensePanel } from "@/lib/series/types";
import { createTestApiKey, createTestProject, createTestRun } from "@/prisma/factories";
import { createRng } from "@/prisma/seed/rng";

import { logMetricPoints } from "./metric-service";
import { flushRollupRefreshes } from "./rollup-refresh";

// Rollups are refreshed after a batch commits; these tests hold the refresh back (a long delay) so
// every read below happens while the batch's steps are pending, then let it run and read again.
const db = setupTestDatabase();
const KEY = "train/loss";

beforeAll(() => {
  process.env.UNIGAP_ROLLUP_DELAY_MS = "600000";
  process.env.UNIGAP_ROLLUP_MAX_WAIT_MS = "600000";
});
afterAll(async () => {
  await flushRollupRefreshes();
  delete process.env.UNIGAP_ROLLUP_DELAY_MS;
  delete process.env.UNIGAP_ROLLUP_MAX_WAIT_MS;
});

async function keyActorWithRun(): Promise<{ actor: TActor; runId: string }> {
  const project = await createTestProject();
  const key = await createTestApiKey(project.id);
  const run = await createTestRun(project.id);
  return { actor: { kind: "apiKey", keyId: key.id, projectId: project.id, scope: "admin" }, runId: run.id };
}

const log = (actor: TActor, runId: string, input: TLogMetricsInput, overwrite = false) =>
  logMetricPoints(actor, runId, ZLogMetricsRequest.parse(input), overwrite);

/** What every bucket must hold, computed here from the points themselves. */
function expectExact(panel: TDensePanel, points: ReadonlyMap<number, number>) {
  const { from, width } = panel.grid;
  const series = panel.series[0]!;
  const steps = [...points.keys()].filter((s) => s >= from && s <= panel.grid.to).sort((a, b) => a - b);
  expect(series.pointsTotal).toBe(points.size);
  expect(series.pointsInRange).toBe(steps.length);
  const expected = new Map<number, number[]>();
  for (const step of steps) {
    const i = Math.floor((step - from) / width);
    expected.set(i, [...(expected.get(i) ?? []), step]);
  }
  expect(series.buckets.map((b) => b.i)).toEqual([...expected.keys()]);
  for (const b of series.buckets) {
    const inside = expected.get(b.i)!;
    const finite = inside.map((s) => points.get(s)!).filter(Number.isFinite);
    const last = points.get(inside.at(-1)!)!;
    expect(b).toMatchObject({
      n: inside.length,
      nonFinite: inside.length - finite.length,
      min: finite.length ? Math.min(...finite) : null,
      max: finite.length ? Math.max(...finite) : null,
      lastStep: inside.at(-1),
      last: Number.isFinite(last) ? last : null,
    });
  }
}

async function pendingOf(runId: string) {
  const [row] = await db.current.sql.query<{ pending_from: number | null; pending_to: number | null }>(
    `SELECT pending_from, pending_to FROM run_metric_keys WHERE run_id = $1 AND key = $2`,
    [runId, KEY],
  );
  return row;
}

describe("charts read right after an acknowledged metric batch include it", () => {
  it("is exact at every zoom while the rollups lag behind, and after they catch up, for appends, back-fills and overwrites", async () => {
    const { actor, runId } = await keyActorWithRun();
    const rng = createRng(15);
    const points = new Map<number, number>();
    const batches: number[][] = [
      Array.from({ length: 9_000 }, (_, i) => i + 3_000), // the middle first
      Array.from({ length: 6_000 }, (_, i) => i + 12_000), // appended
      Array.from({ length: 2_500 }, (_, i) => (i * 1.2) | 0).filter((s, i, all) => all.indexOf(s) === i && s < 3_000), // back-filled below
      [18_000, 18_001, 18_002, 40_000], // a single far point opens a gap
    ];
    const views: { from?: number; to?: number; buckets: number }[] = [
      { buckets: 1000 },
      { from: 0, to: 40_000, buckets: 60 },
      { from: 11_000, to: 13_000, buckets: 100 },
      { from: 11_990, to: 12_010, buckets: 1000 },
    ];
    for (const [b, steps] of batches.entries()) {
      const sent = steps.map((step) => {
        const r = rng();
        const value = r < 0.003 ? Number.NaN : r < 0.005 ? Number.POSITIVE_INFINITY : r > 0.999 ? 100 + b : Math.sin(step / 50) + rng();
        points.set(step, value);
        return { key: KEY, step, value: Number.isNaN(value) ? ("NaN" as const) : value === Infinity ? ("Infinity" as const) : value };
      });
      for (let i = 0; i < sent.length; i += 10_000) await log(actor, runId, { points: sent.slice(i, i + 10_000) });
      expect((await pendingOf(runId))!.pending_from).not.toBeNull();
      for (const view of views) expectExact(await getDensePanel(actor, { runs: [runId], key: KEY, ...view }), points);
    }
    // An overwrite of one step inside an already rolled-up block (after a refresh) is read at once.
    await flushRollupRefreshes();
    expect(await pendingOf(runId)).toEqual({ pending_from: null, pending_to: null });
    for (const view of views) expectExact(await getDensePanel(actor, { runs: [runId], key: KEY, ...view }), points);
    await log(actor, runId, { points: [{ key: KEY, step: 5_000, value: 1_000 }] }, true);
    points.set(5_000, 1_000);
    expect(await pendingOf(runId)).toEqual({ pending_from: 5_000, pending_to: 5_000 });
    for (const view of views) expectExact(await getDensePanel(actor, { runs: [runId], key: KEY, ...view }), points);
    await flushRollupRefreshes();
    expect(await pendingOf(runId)).toEqual({ pending_from: null, pending_to: null });
    for (const view of views) expectExact(await getDensePanel(actor, { runs: [runId], key: KEY, ...view }), points);
  });

  it("keeps a batch that commits during a refresh pending, so it is never lost from the rollups", async () => {
    const { actor, runId } = await keyActorWithRun();
    const points = new Map<number, number>();
    const first = Array.from({ length: 5_000 }, (_, step) => ({ key: KEY, step, value: step % 7 }));
    for (const p of first) points.set(p.step, p.value);
    await log(actor, runId, { points: first });
    // The second batch races the refresh the first one scheduled.
    const second = Array.from({ length: 5_000 }, (_, i) => ({ key: KEY, step: 5_000 + i, value: -i - 1 }));
    for (const p of second) points.set(p.step, p.value);
    await Promise.all([flushRollupRefreshes(), log(actor, runId, { points: second })]);
    expectExact(await getDensePanel(actor, { runs: [runId], key: KEY, buckets: 1000 }), points);
    await flushRollupRefreshes();
    expect(await pendingOf(runId)).toEqual({ pending_from: null, pending_to: null });
    expectExact(await getDensePanel(actor, { runs: [runId], key: KEY, from: 0, to: 9_999, buckets: 40 }), points);
  });
});
