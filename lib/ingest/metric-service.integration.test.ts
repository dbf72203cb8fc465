import { afterAll, describe, expect, it } from "vitest";

import { ZLogMetricsRequest, type TLogMetricsInput } from "@/lib/api/contracts/metrics";
import type { TActor } from "@/lib/auth/actor";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createTestApiKey, createTestProject, createTestRun } from "@/prisma/factories";

import { getDensePanel } from "@/lib/series/service";

import { logMetricPoints } from "./metric-service";
import { flushRollupRefreshes } from "./rollup-refresh";

const db = setupTestDatabase();
// Batches schedule a rollup refresh: let it finish while the database is still open.
afterAll(() => flushRollupRefreshes());

async function keyActorWithRun(): Promise<{ actor: TActor; runId: string }> {
  const project = await createTestProject();
  const key = await createTestApiKey(project.id);
  const run = await createTestRun(project.id);
  return { actor: { kind: "apiKey", keyId: key.id, projectId: project.id, scope: "admin" }, runId: run.id };
}

const log = (actor: TActor, runId: string, input: TLogMetricsInput, overwrite = false) =>
  logMetricPoints(actor, runId, ZLogMetricsRequest.parse(input), overwrite);

async function stored(runId: string) {
  return db.current.sql.query<{ key: string; step: number; value: number }>(`SELECT key, step, value FROM metric_points WHERE run_id = $1 ORDER BY key, step`, [
    runId,
  ]);
}

describe("logging metric points", () => {
  it("stores numbers and the non-finite strings as float8, and keeps run_metric_keys current", async () => {
    const { actor, runId } = await keyActorWithRun();
    const points = [
      { key: "loss", step: 0, value: 2.5, wallTime: 1_700_000_000 },
      { key: "loss", step: 1, value: "NaN" as const },
      { key: "loss", step: 2, value: "Infinity" as const },
      { key: "grad", step: 5, value: "-Infinity" as const },
    ];
    expect(await log(actor, runId, { points })).toEqual({ inserted: 4, unchanged: 0, updated: 0 });
    const rows = await stored(runId);
    expect(rows.map((r) => Number(r.value))).toEqual([Number.NEGATIVE_INFINITY, 2.5, Number.NaN, Number.POSITIVE_INFINITY]);
    expect(await log(actor, runId, { points: [{ key: "loss", step: 3, value: 1 }] })).toMatchObject({ inserted: 1 });
    const keys = await db.current.sql.query(`SELECT key, count, min_step, max_step FROM run_metric_keys WHERE run_id = $1 ORDER BY key`, [runId]);
    expect(keys).toEqual([
      { key: "grad", count: 1, min_step: 5, max_step: 5 },
      { key: "loss", count: 4, min_step: 0, max_step: 3 },
    ]);
  });

  it("answers an identical re-send as unchanged and adds nothing", async () => {
    const { actor, runId } = await keyActorWithRun();
    const points = [
      { key: "loss", step: 0, value: 1.25, wallTime: "2026-11-01T00:00:00Z" },
      { key: "loss", step: 1, value: "NaN" as const },
    ];
    await log(actor, runId, { points });
    expect(await log(actor, runId, { points })).toEqual({ inserted: 0, unchanged: 2, updated: 0 });
    expect(await stored(runId)).toHaveLength(2);
  });

  it("refuses different values under existing keys with every conflict and writes nothing of the batch", async () => {
    const { actor, runId } = await keyActorWithRun();
    await log(actor, runId, {
      points: [
        { key: "loss", step: 0, value: 1 },
        { key: "loss", step: 1, value: 2 },
      ],
    });
    const batch = {
      points: [
        { key: "loss", step: 2, value: 3 },
        { key: "loss", step: 1, value: 2.5 },
        { key: "loss", step: 0, value: "NaN" as const },
      ],
    };
    await expect(log(actor, runId, batch)).rejects.toMatchObject({
      code: "CONFLICT",
      details: {
        total: 2,
        conflicts: expect.arrayContaining([
          { index: 1, path: "points.1.value", field: "value", stored: 2, sent: 2.5 },
          { index: 2, path: "points.2.value", field: "value", stored: 1, sent: "NaN" },
        ]),
      },
    });
    expect(await stored(runId)).toHaveLength(2);
    const [keys] = await db.current.sql.query<{ count: number }>(`SELECT count FROM run_metric_keys WHERE run_id = $1`, [runId]);
    expect(keys?.count).toBe(2);

    expect(await log(actor, runId, batch, true)).toEqual({ inserted: 1, unchanged: 0, updated: 2 });
    expect((await stored(runId)).map((r) => Number(r.value))).toEqual([Number.NaN, 2.5, 3]);
  });

  it("rejects a batch naming one key and step twice, and another project's run as not found", async () => {
    const { actor, runId } = await keyActorWithRun();
    await expect(
      log(actor, runId, {
        points: [
          { key: "a", step: 1, value: 1 },
          { key: "a", step: 1, value: 1 },
        ],
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: [{ path: "points.1" }],
    });
    const other = await keyActorWithRun();
    await expect(log(other.actor, runId, { points: [{ key: "a", step: 1, value: 1 }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await stored(runId)).toHaveLength(0);
  });
});

describe("points logged through the API reach the charts", () => {
  it("keeps the rollups the dense-curve panels read current, including a single-step spike and overwrites", async () => {
    const { actor, runId } = await keyActorWithRun();
    const points = Array.from({ length: 5_000 }, (_, step) => ({ key: "train/loss", step, value: step === 3_333 ? 50 : 1 }));
    await log(actor, runId, { points });
    const panel = await getDensePanel(actor, { runs: [runId], key: "train/loss", buckets: 100 });
    const series = panel.series[0]!;
    expect(series.pointsTotal).toBe(5_000);
    expect(series.pointsInRange).toBe(5_000);
    expect(Math.max(...series.buckets.map((b) => b.max ?? -Infinity))).toBe(50);

    await log(actor, runId, { points: [{ key: "train/loss", step: 3_333, value: 1 }] }, true);
    const after = await getDensePanel(actor, { runs: [runId], key: "train/loss", buckets: 100 });
    expect(Math.max(...after.series[0]!.buckets.map((b) => b.max ?? -Infinity))).toBe(1);
  });
});
