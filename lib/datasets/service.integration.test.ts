import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { seedDemoProject } from "@/prisma/seed/scenarios/demo";
import { addTestMember, createTestUser } from "@/prisma/factories";

import { createRun, updateRun } from "@/lib/ingest/run-service";

import { describeRunLineage } from "./lineage-service";
import { buildDataset, getDataset, getDatasetPool, listDatasets, previewDataset } from "./service";

const db = setupTestDatabase();

describe("datasets built from the demo's own verdicts", () => {
  it("flags the corrupted-labels round-0 SFT set, passes the self-judged one, builds each once, and re-samples the pool", async () => {
    const owner = await createTestUser();
    const demo = await seedDemoProject(db.current, { ownerId: owner.id, slug: "datasets-demo", stride: 3 });
    const actor = { kind: "user" as const, userId: owner.id };
    const curriculum = demo.runIds.curriculum!;
    const corrupted = demo.runIds["poor-supervision"]!;

    const bad = await previewDataset(actor, corrupted, { kind: "sft", step: 0 });
    expect(bad.risk.atRisk).toBe(true);
    expect(bad.risk.reasons[0]).toMatch(/^Precision of the chosen images against the external judge is \d+\.\d% \[/);
    const good = await previewDataset(actor, curriculum, { kind: "sft", step: 0 });
    expect(good.risk).toEqual({ atRisk: false, reasons: [] });
    expect(good.gate.overall.precision.n).toBeGreaterThan(30);
    expect(good.counts.overall.pool).toBeGreaterThan(0);
    expect(good.passRateHistogram.reduce((a, b) => a + b, 0)).toBe(good.counts.overall.prompts);

    await expect(buildDataset(actor, corrupted, { kind: "sft", step: 0 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("acknowledgeRisk"),
    });
    const acknowledged = await buildDataset(actor, corrupted, { kind: "sft", step: 0, acknowledgeRisk: true });
    expect(acknowledged).toMatchObject({ atRisk: true, created: true });
    expect(acknowledged.riskAcknowledgedAt).not.toBeNull();

    // Two identical builds at once: one dataset. A different name is still the same recipe and data.
    const [a, b] = await Promise.all([
      buildDataset(actor, curriculum, { kind: "sft", step: 0 }),
      buildDataset(actor, curriculum, { kind: "sft", step: 0, judge: "self" }),
    ]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const again = await buildDataset(actor, curriculum, { kind: "sft", step: 0, name: "renamed" });
    expect(again).toMatchObject({ id: a.id, created: false });
    expect(a.itemCount).toBe(good.counts.overall.items);

    const pool = await getDatasetPool(actor, a.id);
    expect(pool.prompts).toHaveLength(a.poolCount);
    const next = await buildDataset(actor, curriculum, { kind: "sft", step: 1000, previousDatasetId: a.id });
    expect(next.round).toBe(1);
    const ledger = next.ledger as { poolBefore: number; admitted: number; remaining: number }[];
    expect(ledger[1]).toMatchObject({ poolBefore: a.poolCount });
    expect(ledger[1]!.admitted + ledger[1]!.remaining).toBe(a.poolCount);
    expect(next.poolCount).toBe(ledger[1]!.remaining);
    expect(next.itemCount).toBeGreaterThanOrEqual(a.itemCount);

    const dpo = await previewDataset(actor, demo.runIds.dpo!, { kind: "dpo", step: 0 });
    expect(dpo.gate.overall.pairAgreement?.n).toBeGreaterThan(0);

    expect((await listDatasets(actor, demo.slug)).datasets.map((d) => d.id).sort()).toEqual([acknowledged.id, a.id, next.id].sort());
    await expect(previewDataset(actor, curriculum, { kind: "sft", step: 7 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("no step 7"),
    });
    await expect(previewDataset(actor, curriculum, { kind: "sft", step: 500 })).rejects.toMatchObject({
      message: expect.stringContaining("no training candidates"),
    });
    await expect(previewDataset(actor, curriculum, { kind: "sft", step: 0, subtasks: ["juggling"] })).rejects.toMatchObject({
      message: expect.stringContaining('Unknown subtask "juggling"'),
    });
    await expect(previewDataset(actor, curriculum, { kind: "sft", step: 0, externalJudge: "oracle" })).rejects.toMatchObject({
      message: expect.stringContaining('"oracle"'),
    });
    await expect(buildDataset(actor, curriculum, { kind: "sft", step: 0, judge: "human" })).rejects.toMatchObject({
      message: expect.stringContaining("selects nothing"),
    });

    // Lineage both ways: a new run declares it trained on the set; the set lists the run.
    const trained = await createRun(actor, { name: "trained on curriculum round 0", project: demo.slug, method: "sft", trainedOn: [a.id] });
    expect((await getDataset(actor, a.id)).trainedBy.map((r) => r.runId)).toEqual([trained.id]);
    expect((await describeRunLineage(trained.id))[0]!.text).toMatch(
      /^trained on .+ — built from Janus-Pro-7B · curriculum SFT @ 0, judge self, precision \d+\.\d% \[\d+\.\d%, \d+\.\d%\]$/,
    );
    await expect(updateRun(actor, trained.id, { trainedOn: ["00000000-0000-4000-8000-000000000000"] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("Unknown dataset"),
    });
    await updateRun(actor, trained.id, { trainedOn: [next.id] });
    expect((await describeRunLineage(trained.id)).map((l) => l.datasetId)).toEqual([a.id, next.id]);

    const viewer = await createTestUser();
    await addTestMember(demo.projectId, viewer.id, "viewer");
    const asViewer = { kind: "user" as const, userId: viewer.id };
    expect((await getDataset(asViewer, a.id)).id).toBe(a.id);
    await expect(buildDataset(asViewer, curriculum, { kind: "sft", step: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const share = {
      kind: "share" as const,
      linkId: "x",
      projectId: demo.projectId,
      scope: "run" as const,
      runIds: [curriculum],
      sampleIds: [],
      anonymized: false,
    };
    await expect(getDataset(share as never, a.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  }, 240_000);
});
