import { createHmac } from "node:crypto";

import { alertProject, logCheckpoint, startRun } from "../support/co-trend-run";
import { expect, test } from "../support/fixtures";
import { startReceiver } from "../support/webhook-receiver";

// Webhook faults (issue 14), on both databases: a receiver that accepts the connection and never answers.
// Each attempt is cut off at the server's limit and logged with its latency and error, retried with backoff,
// and after the last attempt the delivery is failing, which settings shows. Ingesting meanwhile is normal.
// The e2e servers (scripts/e2e-server.mjs) give an attempt 3 s and a delivery 3 attempts, 0.5 s apart at first.
const TIMEOUT_MS = 3000;
const ATTEMPTS = 3;

type TDeliveries = {
  deliveries: {
    event: string;
    status: string;
    attempts: number;
    nextAttemptAt: string | null;
    attemptLog: { attempt: number; statusCode: number | null; latencyMs: number; error: string | null; nextAttemptAt: string | null }[];
  }[];
};

test("[WEBHOOK FAULTS]: a hanging receiver times out each attempt, is retried and logged, ends failing in settings; ingestion is not held up", async ({
  request,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const project = await alertProject(playwright, baseURL!);
  const headers = { authorization: `Bearer ${project.apiKey}` };
  const receiver = await startReceiver({ hang: true });
  try {
    const created = await request.post(`/api/v1/projects/${project.slug}/webhooks`, { headers, data: { url: receiver.url } });
    expect(created.status(), await created.text()).toBe(201);
    const hook = (await created.json()) as { id: string; secret: string };

    const run = await startRun(request, project, "sft-hanging-receiver");
    await logCheckpoint(request, project, run.id, 10, "degrade");
    // The first attempt reached the receiver, which holds it open without answering.
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);

    // Ingesting while the delivery hangs: the batches are answered as usual (logCheckpoint throws on any non-2xx).
    await logCheckpoint(request, project, run.id, 20, "degrade");
    const summary = await request.get(`/api/v1/runs/${run.id}/summary`, { headers });
    expect(summary.status()).toBe(200);

    const deliveries = async () =>
      (await (await request.get(`/api/v1/projects/${project.slug}/webhooks/${hook.id}/deliveries`, { headers })).json()) as TDeliveries;
    await expect.poll(async () => (await deliveries()).deliveries[0]?.status, { timeout: 60_000 }).toBe("failing");
    const [delivery] = (await deliveries()).deliveries;
    expect((await deliveries()).deliveries).toHaveLength(1); // still co-degrading at step 20: the open alert is kept, not re-sent
    expect(delivery).toMatchObject({ event: "alert.opened", status: "failing", attempts: ATTEMPTS, nextAttemptAt: null });
    expect(delivery!.attemptLog.map((a) => a.attempt)).toEqual([1, 2, 3]);
    for (const [i, a] of delivery!.attemptLog.entries()) {
      expect(a.statusCode).toBeNull();
      expect(a.error).toBe(`no answer within ${TIMEOUT_MS} ms`);
      expect(a.latencyMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(a.latencyMs).toBeLessThan(TIMEOUT_MS + 5000);
      if (i < ATTEMPTS - 1) expect(a.nextAttemptAt).toEqual(expect.any(String));
      else expect(a.nextAttemptAt).toBeNull();
    }
    // Every attempt carried the same signed body to the receiver.
    expect(receiver.received).toHaveLength(ATTEMPTS);
    for (const r of receiver.received) {
      expect(r.body).toBe(receiver.received[0]!.body);
      expect(r.headers["x-unigap-signature"]).toBe(`sha256=${createHmac("sha256", hook.secret).update(r.body, "utf8").digest("hex")}`);
    }
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ runId: run.id, step: 10, rule: "co_degradation" });

    // The alert itself is unaffected by its delivery failing.
    const alerts = (await (await request.get(`/api/v1/runs/${run.id}/alerts?status=open`, { headers })).json()) as { alerts: { step: number }[] };
    expect(alerts.alerts).toEqual([expect.objectContaining({ step: 10 })]);

    // Settings (the owner's page) shows the failing delivery with its last attempt's error and latency.
    const settings = await project.owner.request.get(`/p/${project.slug}/settings`);
    expect(settings.status()).toBe(200);
    const html = await settings.text();
    expect(html).toContain('data-delivery-status="failing"');
    expect(html).toMatch(new RegExp(`last: (<!-- -->)?no answer within ${TIMEOUT_MS} ms(<!-- -->)? in (<!-- -->)?\\d+(<!-- -->)? ms`));
  } finally {
    await receiver.close();
  }
});
