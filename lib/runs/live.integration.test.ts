import { afterAll, describe, expect, it } from "vitest";

import { ZProjectChangesQuery } from "@/lib/api/contracts/live";
import { ZLogMetricsRequest } from "@/lib/api/contracts/metrics";
import { ZCreateRunRequest } from "@/lib/api/contracts/runs";
import { ZLogSamplesRequest } from "@/lib/api/contracts/samples";
import type { TActor } from "@/lib/auth/actor";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { flushRunStatRefreshes } from "@/lib/ingest/after-ingest";
import { logMetricPoints } from "@/lib/ingest/metric-service";
import { flushRollupRefreshes } from "@/lib/ingest/rollup-refresh";
import { createRun, updateRun } from "@/lib/ingest/run-service";
import { logSamples } from "@/lib/ingest/sample-service";
import { createTestApiKey, createTestProject, createTestRun, createTestUser } from "@/prisma/factories";

import { getProjectChanges, getRunChanges } from "./live-service";

const db = setupTestDatabase();
afterAll(async () => {
  await flushRunStatRefreshes();
  await flushRollupRefreshes();
});

async function setup() {
  const project = await createTestProject();
  const key = await createTestApiKey(project.id);
  const actor: TActor = { kind: "apiKey", keyId: key.id, projectId: project.id, scope: "admin" };
  const run = await createRun(actor, ZCreateRunRequest.parse({ name: "live" }));
  return { project, actor, runId: run.id };
}

const prompt = { externalId: "geneval/live-1", text: "a red bench", benchmark: "geneval", subtask: "color_attr" };
const samples = (step: number) => ZLogSamplesRequest.parse({ samples: [{ step, prompt, judgments: [{ kind: "self", verdict: 1 }] }] });
const points = (step: number) => ZLogMetricsRequest.parse({ points: [{ key: "train/loss", step, value: 1 / (step + 1) }] });
const projectQuery = (input: Record<string, string>) => ZProjectChangesQuery.parse(input);

describe("what changed since version v", () => {
  it("advances the run's version on every ingested batch and answers changed=false for the current one", async () => {
    const { actor, runId } = await setup();
    const first = await getRunChanges(actor, runId);
    expect(first).toMatchObject({ changed: true, status: "running", lastDataAt: null, stalled: false, stalledAfterMinutes: 15 });
    expect(await getRunChanges(actor, runId, first.version)).toMatchObject({ version: first.version, changed: false });

    await logSamples(actor, runId, samples(100), false);
    const afterSamples = await getRunChanges(actor, runId, first.version);
    expect(afterSamples.changed).toBe(true);
    expect(afterSamples.version).not.toBe(first.version);
    expect(Date.now() - Date.parse(afterSamples.lastDataAt!)).toBeLessThan(60_000);

    await logMetricPoints(actor, runId, points(1), false);
    const afterMetrics = await getRunChanges(actor, runId, afterSamples.version);
    expect(afterMetrics.changed).toBe(true);
    expect(await getRunChanges(actor, runId, afterMetrics.version)).toMatchObject({ changed: false });

    // An identical metric re-send changes nothing: no new version.
    await logMetricPoints(actor, runId, points(1), false);
    expect(await getRunChanges(actor, runId, afterMetrics.version)).toMatchObject({ changed: false });

    // The run_stats refresh (the runs table's figures) announces itself too, without stamping new data.
    await flushRunStatRefreshes();
    const afterStats = await getRunChanges(actor, runId, afterMetrics.version);
    expect(afterStats).toMatchObject({ changed: true, lastDataAt: afterMetrics.lastDataAt });

    await updateRun(actor, runId, { status: "finished" });
    expect(await getRunChanges(actor, runId, afterStats.version)).toMatchObject({ changed: true, status: "finished", stalled: false });
  });

  it("costs one statement per batch: the version row is written after the commit, not per viewer", async () => {
    const { actor, runId } = await setup();
    await logMetricPoints(actor, runId, points(1), false);
    const rows = await db.current.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM run_activity WHERE run_id = $1`, [runId]);
    expect(rows[0]!.n).toBe(1);
  });

  it("marks a running run stalled when neither data nor a heartbeat came for UNIGAP_STALLED_MINUTES", async () => {
    const { project, actor } = await setup();
    const old = await createTestRun(project.id, { name: "quiet", status: "running" });
    await db.current.sql.query(`UPDATE runs SET created_at = now() - interval '2 hours' WHERE id = $1`, [old.id]);
    expect(await getRunChanges(actor, old.id)).toMatchObject({ stalled: true, lastDataAt: null });
    process.env.UNIGAP_STALLED_MINUTES = "600";
    try {
      expect(await getRunChanges(actor, old.id)).toMatchObject({ stalled: false, stalledAfterMinutes: 600 });
    } finally {
      delete process.env.UNIGAP_STALLED_MINUTES;
    }
    await logMetricPoints(actor, old.id, points(3), false);
    expect(await getRunChanges(actor, old.id)).toMatchObject({ stalled: false });
  });

  it("gives the project a version that changes when any of its runs (or of the named runs) changes", async () => {
    const { project, actor, runId } = await setup();
    const other = await createRun(actor, ZCreateRunRequest.parse({ name: "other" }));
    const all = await getProjectChanges(actor, project.slug, projectQuery({}));
    const one = await getProjectChanges(actor, project.slug, projectQuery({ runs: runId }));
    expect(await getProjectChanges(actor, project.slug, projectQuery({ since: all.version }))).toMatchObject({ changed: false });

    await logMetricPoints(actor, other.id, points(2), false);
    expect(await getProjectChanges(actor, project.slug, projectQuery({ since: all.version }))).toMatchObject({ changed: true });
    // The compare view of the first run alone did not change.
    expect(await getProjectChanges(actor, project.slug, projectQuery({ since: one.version, runs: runId }))).toMatchObject({ changed: false });

    const before = await getProjectChanges(actor, project.slug, projectQuery({}));
    await createRun(actor, ZCreateRunRequest.parse({ name: "new run" }));
    expect(await getProjectChanges(actor, project.slug, projectQuery({ since: before.version }))).toMatchObject({ changed: true });
  });

  it("answers NOT_FOUND to a caller who may not see the run or the project", async () => {
    const { project, runId } = await setup();
    const stranger = await createTestUser();
    const actor: TActor = { kind: "user", userId: stranger.id };
    await expect(getRunChanges(actor, runId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getProjectChanges(actor, project.slug, projectQuery({}))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
