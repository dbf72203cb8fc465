import { createHmac } from "node:crypto";

import type { Page } from "@playwright/test";

import { alertProject, logCheckpoint, startRun } from "./support/co-trend-run";
import { expect, signIn, test } from "./support/fixtures";
import { startReceiver } from "./support/webhook-receiver";

// Issue 14's "done when", in one browser: a running run's page is left open; checkpoints are ingested
// through the API after it was opened. The new checkpoint and then the alert banner appear without a
// reload (a marker on `window` survives), and a webhook pointed at a local receiver gets the alert once,
// at the first checkpoint whose figures justify it, with the figures in the body.
test.describe.configure({ timeout: 150_000 });

const setMarker = (page: Page) => page.evaluate(() => ((window as unknown as { liveMarker?: string }).liveMarker = "still here"));
const readMarker = (page: Page) => page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker);

type TBody = {
  event: string;
  runId: string;
  step: number;
  rule: string;
  reasons: string[];
  figures: Record<string, { value: number; n: number; lo: number; hi: number }>;
};

test("[LIVE ALERT]: an open run page shows a later checkpoint and its alert without a reload; the webhook gets it at that checkpoint", async ({
  page,
  playwright,
  baseURL,
  request,
}) => {
  const project = await alertProject(playwright, baseURL!);
  const headers = { authorization: `Bearer ${project.apiKey}` };
  const receiver = await startReceiver();
  try {
    const created = await request.post(`/api/v1/projects/${project.slug}/webhooks`, { headers, data: { url: receiver.url } });
    expect(created.status(), await created.text()).toBe(201);
    const hook = (await created.json()) as { secret: string };
    const run = await startRun(request, project, "sft-corrupted-labels");
    await logCheckpoint(request, project, run.id, 10, "recover"); // Gen as the baseline's: nothing to say

    await signIn(page, project.owner, `/p/${project.slug}/runs/${run.id}`);
    await expect(page.getByRole("heading", { level: 1, name: run.name })).toBeVisible();
    await expect(page.getByTestId("live-updates")).toBeVisible();
    const heatmap = page.locator('[data-testid="chart-card"][data-chart-key="heatmap:non"]');
    await expect(async () => heatmap.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
    await expect(heatmap.getByLabel(/^Overall at step 10:/)).toBeVisible();
    await expect(heatmap.getByLabel(/^Overall at step 20:/)).toHaveCount(0);
    const banner = page.getByRole("alert").filter({ hasText: "Co-degradation" });
    await expect(banner).toHaveCount(0);
    await setMarker(page);

    // Training goes on: the corrupted labels show at step 20.
    await logCheckpoint(request, project, run.id, 20, "degrade");
    await expect(heatmap.getByLabel(/^Overall at step 20:/)).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText("at step 20", { timeout: 45_000 });
    expect(await readMarker(page)).toBe("still here");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "test-results/screens/live-alert-run.png", fullPage: false });

    // The receiver got it once, at step 20, signed, with the figures (value, n, interval) and the reasons.
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    const [delivery] = receiver.received;
    expect(delivery!.headers["x-unigap-signature"]).toBe(`sha256=${createHmac("sha256", hook.secret).update(delivery!.body, "utf8").digest("hex")}`);
    const body = JSON.parse(delivery!.body) as TBody;
    expect(body).toMatchObject({ event: "alert.opened", runId: run.id, step: 20, rule: "co_degradation" });
    expect(body.figures.deltaGen!.hi).toBeLessThan(0);
    expect(body.figures.deltaGen!.n).toBeGreaterThan(0);
    expect(body.figures.und!.hi).toBeLessThan(0.5);
    expect(body.reasons.join(" ")).toContain("co-degradation");

    // Still co-degrading at step 30: the page shows the checkpoint, the alert stays the one of step 20, nothing is re-sent.
    await logCheckpoint(request, project, run.id, 30, "degrade");
    await expect(heatmap.getByLabel(/^Overall at step 30:/)).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText("at step 20");
    expect(await readMarker(page)).toBe("still here");
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(receiver.received).toHaveLength(1);
  } finally {
    await receiver.close();
  }
});

test("[ALERT MARKS]: the compare view marks a compared run's open alerts with a link to them; running rows say when data last came", async ({
  page,
  playwright,
  baseURL,
  request,
}) => {
  const project = await alertProject(playwright, baseURL!);
  const headers = { authorization: `Bearer ${project.apiKey}` };
  const bad = await startRun(request, project, "sft-corrupted-labels");
  const good = await startRun(request, project, "sft-clean");
  await logCheckpoint(request, project, bad.id, 10, "degrade");
  await logCheckpoint(request, project, good.id, 10, "improve");
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/runs/${bad.id}/alerts?status=open`, { headers })).json()) as { alerts: unknown[] }).alerts.length, {
      timeout: 30_000,
    })
    .toBe(1);

  await signIn(page, project.owner, `/p/${project.slug}`);
  const badRow = page.getByRole("row").filter({ hasText: "sft-corrupted-labels" });
  const goodRow = page.getByRole("row").filter({ hasText: "sft-clean" });
  await expect(badRow.locator("[data-alert-mark]")).toBeVisible();
  await expect(goodRow.locator("[data-alert-mark]")).toHaveCount(0);
  for (const row of [badRow, goodRow]) await expect(row.locator("[data-run-liveness]")).toHaveText(/^last data \d+ (s|min) ago$/);
  await page.screenshot({ path: "test-results/screens/runs-table-liveness.png", fullPage: false });

  // Finished runs have no liveness mark.
  expect((await request.patch(`/api/v1/runs/${good.id}`, { headers, data: { status: "finished" } })).status()).toBe(200);
  await page.reload();
  await expect(goodRow.locator("[data-run-liveness]")).toHaveCount(0);

  await page.goto(`/p/${project.slug}/compare?runs=${bad.id},${good.id}`);
  const chips = page.getByRole("region", { name: "Compared runs" }).getByRole("listitem");
  const badChip = chips.filter({ hasText: "sft-corrupted-labels" });
  const mark = badChip.locator("[data-alert-mark]");
  await expect(mark).toContainText("Co-degradation at step 10");
  await expect(mark).toHaveAttribute("href", `/p/${project.slug}/alerts?run=${bad.id}`);
  await expect(chips.filter({ hasText: "sft-clean" }).locator("[data-alert-mark]")).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/compare-alert-mark.png", fullPage: false });
  await mark.click();
  await expect(page.locator('[data-alert="co_degradation"]')).toContainText("sft-corrupted-labels");
});
