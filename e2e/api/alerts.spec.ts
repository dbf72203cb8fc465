import { createHmac } from "node:crypto";

import { alertProject, logCheckpoint, startRun, type TAlertProject } from "../support/co-trend-run";
import { expect, test } from "../support/fixtures";
import { startReceiver, type TReceived, type TReceiver } from "../support/webhook-receiver";

// Alerts reach people (issue 14), on both databases: a local receiver gets exactly one signed delivery
// when a co-degrading checkpoint is ingested, none for a co-improving run, a retry after a 500, and a
// resolved event when a later checkpoint recovers. The e2e servers run with UNIGAP_WEBHOOK_ALLOW_PRIVATE=1
// (scripts/e2e-server.mjs) so that the receiver may listen on 127.0.0.1.
type TBody = { event: string; runId: string; runName: string; step: number; rule: string; reasons: string[]; figures: Record<string, unknown>; link: string };

const forRun = (receiver: TReceiver, runId: string) => receiver.received.filter((r) => (JSON.parse(r.body) as TBody).runId === runId);
const bodyOf = (r: TReceived) => JSON.parse(r.body) as TBody;
const sign = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;

async function addWebhook(request: import("@playwright/test").APIRequestContext, project: TAlertProject, url: string) {
  const response = await request.post(`/api/v1/projects/${project.slug}/webhooks`, { headers: { authorization: `Bearer ${project.apiKey}` }, data: { url } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; secret: string };
}

test.describe.configure({ mode: "serial" });

test("[ALERTS]: a co-degrading checkpoint sends exactly one signed delivery; a recovered one sends the resolved event", async ({
  request,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const project = await alertProject(playwright, baseURL!);
  const receiver = await startReceiver();
  try {
    const hook = await addWebhook(request, project, receiver.url);
    expect(hook.secret).toMatch(/^ugw_/);
    const listed = await (await request.get(`/api/v1/projects/${project.slug}/webhooks`, { headers: { authorization: `Bearer ${project.apiKey}` } })).text();
    expect(listed).not.toContain(hook.secret);

    const run = await startRun(request, project, "sft-corrupted-labels");
    await logCheckpoint(request, project, run.id, 10, "degrade");
    await expect.poll(() => forRun(receiver, run.id).length, { timeout: 30_000 }).toBe(1);
    const [delivery] = forRun(receiver, run.id);
    expect(delivery!.headers["x-unigap-signature"]).toBe(sign(hook.secret, delivery!.body));
    expect(Number(delivery!.headers["x-unigap-timestamp"])).toBeGreaterThan(Date.now() / 1000 - 120);
    const body = bodyOf(delivery!);
    expect(body).toMatchObject({ event: "alert.opened", runId: run.id, runName: "sft-corrupted-labels", step: 10, rule: "co_degradation" });
    expect(body.reasons.join(" ")).toContain("co-degradation");
    expect(body.link).toContain(`/runs/${run.id}`);
    expect(body.figures).toMatchObject({ deltaGen: { n: expect.any(Number), lo: expect.any(Number), hi: expect.any(Number) } });

    // Still co-degrading at the next checkpoint: the open alert is kept, nothing is re-sent.
    await logCheckpoint(request, project, run.id, 20, "degrade");
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(forRun(receiver, run.id).map((r) => bodyOf(r).event)).toEqual(["alert.opened"]);

    await logCheckpoint(request, project, run.id, 30, "recover");
    await expect.poll(() => forRun(receiver, run.id).map((r) => bodyOf(r).event), { timeout: 30_000 }).toEqual(["alert.opened", "alert.resolved"]);
    const resolved = forRun(receiver, run.id)[1]!;
    expect(resolved.headers["x-unigap-signature"]).toBe(sign(hook.secret, resolved.body));
    const alerts = (await (await request.get(`/api/v1/runs/${run.id}/alerts`, { headers: { authorization: `Bearer ${project.apiKey}` } })).json()) as {
      alerts: { signature: string; status: string; step: number; resolvedStep: number }[];
    };
    expect(alerts.alerts).toEqual([expect.objectContaining({ signature: "co_degradation", status: "resolved", step: 10, resolvedStep: 30 })]);
  } finally {
    await receiver.close();
  }
});

test("[ALERTS]: a co-improving run sends nothing", async ({ request, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const project = await alertProject(playwright, baseURL!);
  const receiver = await startReceiver();
  try {
    await addWebhook(request, project, receiver.url);
    const run = await startRun(request, project, "sft-clean");
    await logCheckpoint(request, project, run.id, 10, "improve");
    // The evaluation runs 1.5 s after the last batch; then wait a little more (below the server's 5 s keep-alive).
    const headers = { authorization: `Bearer ${project.apiKey}` };
    await expect
      .poll(
        async () =>
          ((await (await request.get(`/api/v1/runs/${run.id}/summary`, { headers })).json()) as { checkpoints: { trend: { class: string } }[] }).checkpoints.at(
            -1,
          )?.trend.class,
      )
      .toBe("co-improvement");
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(receiver.received).toEqual([]);
    expect(((await (await request.get(`/api/v1/runs/${run.id}/alerts`, { headers })).json()) as { alerts: unknown[] }).alerts).toEqual([]);
  } finally {
    await receiver.close();
  }
});

test("[ALERTS]: a receiver answering 500 once gets the delivery again; every attempt is logged", async ({ request, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const project = await alertProject(playwright, baseURL!);
  const receiver = await startReceiver({ failFirst: 1 });
  try {
    const hook = await addWebhook(request, project, receiver.url);
    const run = await startRun(request, project, "sft-retry");
    await logCheckpoint(request, project, run.id, 10, "degrade");
    await expect.poll(() => receiver.received.map((r) => r.answered), { timeout: 30_000 }).toEqual([500, 204]);
    expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);
    expect(receiver.received[1]!.headers["x-unigap-signature"]).toBe(sign(hook.secret, receiver.received[1]!.body));
    const headers = { authorization: `Bearer ${project.apiKey}` };
    await expect
      .poll(
        async () =>
          (
            (await (await request.get(`/api/v1/projects/${project.slug}/webhooks/${hook.id}/deliveries`, { headers })).json()) as {
              deliveries: { status: string }[];
            }
          ).deliveries[0]?.status,
      )
      .toBe("delivered");
    const { deliveries } = (await (await request.get(`/api/v1/projects/${project.slug}/webhooks/${hook.id}/deliveries`, { headers })).json()) as {
      deliveries: {
        event: string;
        attempts: number;
        attemptLog: { attempt: number; statusCode: number; latencyMs: number; error: string | null; nextAttemptAt: string | null }[];
      }[];
    };
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ event: "alert.opened", attempts: 2 });
    expect(deliveries[0]!.attemptLog).toEqual([
      { attempt: 1, at: expect.any(String), statusCode: 500, latencyMs: expect.any(Number), error: "HTTP 500", nextAttemptAt: expect.any(String) },
      { attempt: 2, at: expect.any(String), statusCode: 204, latencyMs: expect.any(Number), error: null, nextAttemptAt: null },
    ]);
  } finally {
    await receiver.close();
  }
});

test("[ALERTS]: bad webhook URLs and rule thresholds are 422 naming the reason, and change nothing", async ({ request, playwright, baseURL }) => {
  const project = await alertProject(playwright, baseURL!);
  const headers = { authorization: `Bearer ${project.apiKey}` };
  const cases: [string, RegExp][] = [
    ["ftp://example.com/hook", /not http\(s\)/],
    ["javascript:alert(1)", /not http\(s\)/],
    [`https://example.com/${"a".repeat(2100)}`, /longer than 2000/],
    ["https://user:pw@example.com/hook", /credentials/],
    ["not a url", /not a valid URL/],
  ];
  for (const [url, reason] of cases) {
    const response = await request.post(`/api/v1/projects/${project.slug}/webhooks`, { headers, data: { url } });
    expect(response.status(), url).toBe(422);
    expect((await response.json()).error.message).toMatch(reason);
  }
  const bad = await request.post(`/api/v1/projects/${project.slug}/webhooks`, { headers, data: { url: "https://example.com/x", format: "xml" } });
  expect(bad.status()).toBe(422);
  expect(((await (await request.get(`/api/v1/projects/${project.slug}/webhooks`, { headers })).json()) as { webhooks: unknown[] }).webhooks).toEqual([]);

  for (const rules of [
    [{ kind: "gen_below_baseline", threshold: 101 }],
    [{ kind: "stalled", threshold: 0 }],
    [{ kind: "subtask_non_above", threshold: -1 }],
    [{ kind: "nope" }],
  ]) {
    const response = await request.put(`/api/v1/projects/${project.slug}/alert-rules`, { headers, data: { rules } });
    expect(response.status(), JSON.stringify(rules)).toBe(422);
  }
  const put = await request.put(`/api/v1/projects/${project.slug}/alert-rules`, {
    headers,
    data: {
      rules: [
        { kind: "gen_below_baseline", threshold: 5 },
        { kind: "stalled", threshold: 30 },
      ],
    },
  });
  expect(put.status()).toBe(200);
  expect(((await put.json()) as { rules: { kind: string; threshold: number }[] }).rules.map((r) => [r.kind, r.threshold])).toEqual([
    ["gen_below_baseline", 5],
    ["stalled", 30],
  ]);
});
