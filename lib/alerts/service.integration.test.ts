import { describe, expect, it } from "vitest";

import { ZAlertRulesRequest } from "@/lib/api/contracts/alerts";
import type { TActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import type { TImageSpec } from "@/lib/metrics/testing/records";
import { ensurePrompts, seedImages, type TPromptMap } from "@/lib/metrics/testing/seed-images";
import { summarizeCheckpointsForAlerts } from "@/lib/metrics/service";
import { bumpRunActivity } from "@/lib/runs/live-repository";
import { addTestMember, createTestProject, createTestRun, createTestUser } from "@/prisma/factories";

import { acknowledgeAlert, checkStalledRuns, evaluateRunAlerts, listProjectAlerts, listRunAlerts, putAlertRules } from "./service";
import { isSealed, openSecret } from "./secret-box";
import { createWebhook, sealLegacyWebhookSecrets } from "./webhook-service";

setupTestDatabase();
// A running server always has one (boot generates and stores it when the operator sets none); webhook secrets are sealed with it.
process.env.NEXTAUTH_SECRET ??= "integration-test-server-secret";

const PROMPTS = 40;
const PER_PROMPT = 5;
const owner = (project: { ownerId: string }): TActor => ({ kind: "user", userId: project.ownerId });

/** Each prompt's images: the first `passing` of every 5 pass the external judge. */
function own(step: number, passing: number): TImageSpec[] {
  return Array.from({ length: PROMPTS * PER_PROMPT }, (_, i) => {
    const external = (i % PER_PROMPT < passing ? 1 : 0) as 0 | 1;
    return { step, promptId: `p${Math.floor(i / PER_PROMPT)}`, subtask: i % 2 ? "color" : "counting", self: external, external };
  });
}

/**
 * The baseline's images (step 0): 3 of 5 pass the judge; its self judge accepts one failing image
 * too (a false positive). `judgedBy` lists how later checkpoints of `runId` judge them:
 * "wrong" flips two correct verdicts (Und 0), "right" corrects the false positive (Und 1).
 */
function baselineImages(runId: string, verdicts: Record<number, "wrong" | "right">): TImageSpec[] {
  return Array.from({ length: PROMPTS * PER_PROMPT }, (_, i) => {
    const k = i % PER_PROMPT;
    const external = (k < 3 ? 1 : 0) as 0 | 1;
    const self = (k < 4 ? 1 : 0) as 0 | 1;
    const judgedBy = Object.entries(verdicts).map(([step, how]): [string, number, 0 | 1] => {
      if (how === "right") return [`self:${runId}`, Number(step), external];
      return [`self:${runId}`, Number(step), (k < 2 ? 0 : self) as 0 | 1];
    });
    return { step: 0, promptId: `p${Math.floor(i / PER_PROMPT)}`, subtask: i % 2 ? "color" : "counting", self, external, judgedBy };
  });
}

async function world(verdicts: Record<number, "wrong" | "right">) {
  const project = await createTestProject();
  const base = await createTestRun(project.id, { name: "pre-trained" });
  const run = await createTestRun(project.id, { name: "sft-corrupted", baselineRunId: base.id, baselineStep: 0, status: "running" });
  const images = baselineImages(run.id, verdicts);
  const prompts: TPromptMap = await ensurePrompts(project.id, images);
  await seedImages(base.id, images, prompts);
  return { project, base, run, prompts };
}

async function deliveries(alertId: string) {
  const { sql } = await getDb();
  return sql.query<{ event: string; body: string }>(`SELECT event, body FROM webhook_deliveries WHERE alert_id = $1::uuid ORDER BY created_at`, [alertId]);
}

describe("alerts after ingestion", () => {
  it("opens one co-degradation alert with its figures, keeps it, and resolves it when a later checkpoint recovers", async () => {
    const { project, run, prompts } = await world({ 10: "wrong", 20: "right" });
    process.env.UNIGAP_WEBHOOK_ALLOW_PRIVATE = "1";
    await createWebhook(owner(project), project.slug, { url: "http://127.0.0.1:9/hook" });
    delete process.env.UNIGAP_WEBHOOK_ALLOW_PRIVATE;

    await seedImages(run.id, own(10, 1), prompts); // Gen 20% against the baseline's 60%; every changed verdict wrong
    expect((await evaluateRunAlerts(run.id)).opened).toEqual(["co_degradation"]);
    expect((await evaluateRunAlerts(run.id)).opened).toEqual([]); // the same checkpoint again: kept, not re-sent

    const [alert] = (await listRunAlerts(owner(project), run.id, { status: "open" })).alerts;
    expect(alert).toMatchObject({ signature: "co_degradation", step: 10, status: "open", runName: "sft-corrupted" });
    const figures = alert!.figures as { deltaGen: { value: number; n: number; lo: number; hi: number }; und: { n: number; hi: number } };
    expect(figures.deltaGen.hi).toBeLessThan(0);
    expect(figures.deltaGen.n).toBeGreaterThan(0);
    expect(figures.und.hi).toBeLessThan(0.5);
    expect(alert!.reasons.join(" ")).toContain("co-degradation");
    const sent = await deliveries(alert!.id);
    expect(sent.map((d) => d.event)).toEqual(["alert.opened"]);
    expect(JSON.parse(sent[0]!.body)).toMatchObject({ runId: run.id, runName: "sft-corrupted", step: 10, rule: "co_degradation" });

    await seedImages(run.id, own(20, 3), prompts); // Gen back to the baseline's, the false positive corrected
    expect((await evaluateRunAlerts(run.id)).resolved).toContain("co_degradation");
    const [after] = (await listRunAlerts(owner(project), run.id)).alerts.filter((a) => a.id === alert!.id);
    expect(after).toMatchObject({ status: "resolved", resolvedStep: 20 });
    expect((await deliveries(alert!.id)).map((d) => d.event)).toEqual(["alert.opened", "alert.resolved"]);
    expect((await evaluateRunAlerts(run.id)).opened).toEqual([]); // recovered: nothing reopens
  });

  it("opens nothing for a co-improving run", async () => {
    const { project, run, prompts } = await world({ 10: "right" });
    await seedImages(run.id, own(10, 5), prompts);
    expect((await summarizeCheckpointsForAlerts(run.id, null))?.checkpoints.at(-1)?.trend.class).toBe("co-improvement");
    expect(await evaluateRunAlerts(run.id)).toEqual({ opened: [], resolved: [], evaluated: [10] });
    expect((await listProjectAlerts(owner(project), project.slug, {})).alerts).toEqual([]);
  });

  it("fires the project's own rules with their statistics, and records one acknowledgement", async () => {
    const { project, run, prompts } = await world({ 10: "wrong" });
    await putAlertRules(owner(project), project.slug, { rules: [{ kind: "gen_below_baseline", threshold: 10 }, { kind: "und_below_half" }] });
    await seedImages(run.id, own(10, 1), prompts);
    expect((await evaluateRunAlerts(run.id)).opened.sort()).toEqual(["co_degradation", "rule:gen_below_baseline", "rule:und_below_half"]);
    const rule = (await listProjectAlerts(owner(project), project.slug, { status: "open", run: run.id })).alerts.find(
      (a) => a.signature === "rule:gen_below_baseline",
    );
    expect(rule!.reasons[0]).toMatch(/significantly more than 10 points below the baseline/);
    expect(rule!.reasons[0]).toMatch(/n = \d+/);

    const acked = await acknowledgeAlert(owner(project), rule!.id);
    expect(acked.status).toBe("acknowledged");
    const again = await acknowledgeAlert(owner(project), rule!.id);
    expect(again.acknowledgedAt).toBe(acked.acknowledgedAt);
  });

  it("refuses thresholds out of range and callers below editor", async () => {
    expect(ZAlertRulesRequest.safeParse({ rules: [{ kind: "gen_below_baseline", threshold: 150 }] }).success).toBe(false);
    expect(ZAlertRulesRequest.safeParse({ rules: [{ kind: "stalled", threshold: 0 }] }).success).toBe(false);
    expect(ZAlertRulesRequest.safeParse({ rules: [{ kind: "und_below_half", threshold: 3 }] }).success).toBe(false);
    expect(ZAlertRulesRequest.safeParse({ rules: [{ kind: "stalled" }, { kind: "stalled", threshold: 5 }] }).success).toBe(false);
    expect(
      ZAlertRulesRequest.safeParse({
        rules: [
          { kind: "subtask_non_above", threshold: 25 },
          { kind: "stalled", threshold: 15 },
        ],
      }).success,
    ).toBe(true);

    const project = await createTestProject();
    const viewer = await createTestUser();
    await addTestMember(project.id, viewer.id, "viewer");
    await expect(putAlertRules({ kind: "user", userId: viewer.id }, project.slug, { rules: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses webhook URLs that are not http(s), too long, or private", async () => {
    const project = await createTestProject();
    const refused = (url: string) => createWebhook(owner(project), project.slug, { url }).catch((e: { code: string; message: string }) => e);
    await expect(refused("ftp://example.com/x")).resolves.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("not http(s)") });
    await expect(refused(`https://example.com/${"a".repeat(2100)}`)).resolves.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("longer"),
    });
    await expect(refused("http://127.0.0.1:8080/hook")).resolves.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("loopback") });
    await expect(refused("http://[fe80::1]/hook")).resolves.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("link-local") });
    await expect(refused("http://10.1.2.3/hook")).resolves.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("private") });
    await expect(refused("http://localhost:8080/hook")).resolves.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("loopback") });
  });

  it("opens stalled on a running run silent for the rule's minutes, and resolves it when data arrives", async () => {
    const project = await createTestProject();
    const run = await createTestRun(project.id, { status: "running" });
    const finished = await createTestRun(project.id, { status: "finished" });
    const { sql } = await getDb();
    await sql.execute(`UPDATE runs SET created_at = now() - interval '10 minutes' WHERE id = ANY($1::uuid[])`, [[run.id, finished.id]]);
    expect(await checkStalledRuns()).toEqual({ opened: 0, resolved: 0 }); // no stalled rule yet
    await putAlertRules(owner(project), project.slug, { rules: [{ kind: "stalled", threshold: 5 }] });
    expect(await checkStalledRuns()).toEqual({ opened: 1, resolved: 0 });
    expect(await checkStalledRuns()).toEqual({ opened: 0, resolved: 0 }); // kept, not re-opened
    const [alert] = (await listRunAlerts(owner(project), run.id)).alerts;
    expect(alert).toMatchObject({ signature: "rule:stalled", status: "open" });
    expect(alert!.reasons[0]).toMatch(/no new data for 10 minutes \(rule: 5 minutes\)/);
    await sql.execute(`UPDATE runs SET heartbeat_at = now() WHERE id = $1::uuid`, [run.id]);
    expect(await checkStalledRuns()).toEqual({ opened: 0, resolved: 1 });
    expect((await listRunAlerts(owner(project), finished.id)).alerts).toEqual([]);
  });

  it("evaluates a burst of checkpoints in order: the alert opens at the first that justifies it", async () => {
    const { run, prompts } = await world({ 10: "right", 20: "wrong", 30: "wrong" });
    await seedImages(run.id, [...own(10, 3), ...own(20, 1), ...own(30, 1)], prompts); // one debounce window
    expect((await evaluateRunAlerts(run.id)).opened).toEqual(["co_degradation"]);
    const { sql } = await getDb();
    const [row] = await sql.query<{ step: number }>(`SELECT step FROM alerts WHERE run_id = $1::uuid`, [run.id]);
    expect(row!.step).toBe(20);
  });

  it("remembers evaluated checkpoints in the database: a restarted or second evaluator evaluates each checkpoint once per data version", async () => {
    const { run, prompts } = await world({ 10: "wrong", 20: "right", 30: "right" });
    const { sql } = await getDb();
    const ingest = async (images: TImageSpec[]) => {
      await seedImages(run.id, images, prompts);
      await bumpRunActivity(run.id, true); // what a batch through the API does after its commit
    };
    await ingest(own(10, 1));
    expect(await evaluateRunAlerts(run.id)).toMatchObject({ opened: ["co_degradation"], evaluated: [10] });
    await ingest(own(20, 3));
    expect(await evaluateRunAlerts(run.id)).toMatchObject({ resolved: ["co_degradation"], evaluated: [20] });
    const remembered = await sql.query<{ step: number }>(`SELECT step FROM alert_evaluations WHERE run_id = $1::uuid ORDER BY step`, [run.id]);
    expect(remembered.map((r) => r.step)).toEqual([10, 20]);

    // A restart (no state but the database's): step 10 is not re-evaluated, re-opened and re-sent as a process-local
    // memory starting empty would. Only the latest is looked at again, once, because resolving bumped the run's version
    // (open pages learn of the alert through it); then nothing until new data.
    expect(await evaluateRunAlerts(run.id)).toEqual({ opened: [], resolved: [], evaluated: [20] });
    expect(await evaluateRunAlerts(run.id)).toEqual({ opened: [], resolved: [], evaluated: [] });

    // Two servers evaluating the same new checkpoint at once: exactly one claims it.
    await ingest(own(30, 3));
    const [a, b] = await Promise.all([evaluateRunAlerts(run.id), evaluateRunAlerts(run.id)]);
    expect([...a.evaluated, ...b.evaluated]).toEqual([30]);
    // More of the latest checkpoint's data (a newer version): it is evaluated again, once.
    await bumpRunActivity(run.id, true);
    expect((await evaluateRunAlerts(run.id)).evaluated).toEqual([30]);
    expect((await evaluateRunAlerts(run.id)).evaluated).toEqual([]);
    const alerts = await sql.query<{ signature: string; step: number; resolved_step: number }>(
      `SELECT signature, step, resolved_step FROM alerts WHERE run_id = $1::uuid`,
      [run.id],
    );
    expect(alerts).toEqual([{ signature: "co_degradation", step: 10, resolved_step: 20 }]);
  });

  it("keeps webhook secrets sealed at rest; seals legacy plain rows at start and re-seals after a server-secret rotation", async () => {
    const project = await createTestProject();
    const { sql } = await getDb();
    const stored = async (id: string) => (await sql.query<{ secret: string }>(`SELECT secret FROM webhooks WHERE id = $1::uuid`, [id]))[0]!.secret;
    const hook = await createWebhook(owner(project), project.slug, { url: "https://93.184.215.14/hook" }); // a public literal: no DNS needed
    const sealed = await stored(hook.id);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain(hook.secret);
    expect(openSecret(sealed, hook.id, { current: process.env.NEXTAUTH_SECRET! })).toMatchObject({ ok: true, secret: hook.secret });

    // A row written before sealing (plain) still opens, and the start-up pass seals it, once.
    await sql.execute(`UPDATE webhooks SET secret = $2 WHERE id = $1::uuid`, [hook.id, hook.secret]);
    expect(openSecret(await stored(hook.id), hook.id, { current: process.env.NEXTAUTH_SECRET! })).toMatchObject({ ok: true, secret: hook.secret });
    // (Counts are over every webhook of this file's database: earlier tests made some.)
    expect((await sealLegacyWebhookSecrets()).sealed).toBeGreaterThanOrEqual(1);
    expect(await sealLegacyWebhookSecrets()).toMatchObject({ sealed: 0, resealed: 0 });
    expect(isSealed(await stored(hook.id))).toBe(true);

    // Rotation: the new secret with the previous one beside it re-seals; afterwards the new one alone opens it.
    const before = process.env.NEXTAUTH_SECRET!;
    try {
      process.env.NEXTAUTH_SECRET = `${before}-rotated`;
      const kept = await stored(hook.id);
      expect((await sealLegacyWebhookSecrets()).unreadable).toBeGreaterThanOrEqual(1);
      expect(await stored(hook.id)).toBe(kept); // what does not open is left as it is
      process.env.UNIGAP_PREVIOUS_NEXTAUTH_SECRET = before;
      expect(await sealLegacyWebhookSecrets()).toMatchObject({ resealed: expect.any(Number), unreadable: 0 });
      expect(await stored(hook.id)).not.toBe(kept);
      delete process.env.UNIGAP_PREVIOUS_NEXTAUTH_SECRET;
      expect(openSecret(await stored(hook.id), hook.id, { current: process.env.NEXTAUTH_SECRET })).toMatchObject({
        ok: true,
        secret: hook.secret,
        sealedWith: "current",
      });
    } finally {
      process.env.NEXTAUTH_SECRET = before;
      delete process.env.UNIGAP_PREVIOUS_NEXTAUTH_SECRET;
    }
  });
});
