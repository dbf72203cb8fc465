import type { APIRequestContext, Page } from "@playwright/test";

import { expect, signIn, test } from "./support/fixtures";
import { createRun } from "./support/ingest";

// Live runs (issue 14): a page left open on a running run shows what is ingested after it was opened,
// by router.refresh() after a cheap "changed since v" poll; no full reload, so a marker set on `window`
// survives, and so do the URL's view state and client state such as an open <details>.
test.describe.configure({ timeout: 120_000 });

// Set on `window` before the change; a full page load would drop it.
const setMarker = (page: Page) => page.evaluate(() => ((window as unknown as { liveMarker?: string }).liveMarker = "still here"));
const readMarker = (page: Page) => page.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker);

async function logCheckpoint(request: APIRequestContext, headers: Record<string, string>, runId: string, step: number, tag: string) {
  const samples = [0, 1, 2, 3].map((i) => ({
    step,
    candidate: 0,
    prompt: { externalId: `live-${tag}-${i}`, text: `a photo of ${i} red benches`, benchmark: "geneval", subtask: i % 2 ? "counting" : "color_attr" },
    judgments: [
      { kind: "self", verdict: (i + step / 100) % 2 ? 1 : 0 },
      { kind: "external", judge: "geneval", verdict: i % 2 },
    ],
  }));
  const s = await request.post(`/api/v1/runs/${runId}/samples`, { headers, data: { samples } });
  expect(s.status(), await s.text()).toBeLessThan(300);
  const points = Array.from({ length: 20 }, (_, i) => ({ key: "train/loss", step: step - 20 + i, value: 1 / (step + i) }));
  const m = await request.post(`/api/v1/runs/${runId}/metrics`, { headers, data: { points } });
  expect(m.status(), await m.text()).toBeLessThan(300);
}

async function scrollToCard(page: Page, key: string) {
  const card = page.locator(`[data-testid="chart-card"][data-chart-key="${key}"]`);
  await expect(async () => card.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  return card;
}

test("[LIVE]: a running run's page shows a checkpoint ingested after it was opened, without a reload, keeping the URL's view", async ({
  page,
  request,
  apiHeaders,
  credentials,
  uniqueName,
}) => {
  const run = await createRun(request, apiHeaders, uniqueName("live-run"), { method: "sft" });
  await logCheckpoint(request, apiHeaders, run.id, 100, run.id);
  await signIn(page, credentials, `/p/${credentials.projectSlug}/runs/${run.id}?smooth=0.6`);
  await expect(page.getByRole("heading", { level: 1, name: run.name })).toBeVisible();
  await expect(page.getByTestId("live-updates")).toBeVisible();
  const lastData = page.getByTestId("last-data");
  await expect(lastData).toHaveText(/^last data \d+ s ago$/);
  const firstDataAt = await lastData.getAttribute("title");

  const heatmap = await scrollToCard(page, "heatmap:non");
  await expect(heatmap.getByLabel(/^Overall at step 100:/)).toBeVisible();
  await expect(heatmap.getByLabel(/^Overall at step 200:/)).toHaveCount(0);
  const loss = await scrollToCard(page, "train/loss");
  await expect(loss.getByTestId("points-badge")).toContainText("20");

  // State that a full reload would lose.
  await setMarker(page);
  await page.locator("details").filter({ hasText: "config" }).locator("summary").click();
  const scrolled = await page.evaluate(() => window.scrollY);

  await logCheckpoint(request, apiHeaders, run.id, 200, run.id);

  await expect(heatmap.getByLabel(/^Overall at step 200:/)).toBeVisible({ timeout: 30_000 });
  await expect(loss.getByTestId("points-badge")).toContainText("40");
  await expect(lastData).not.toHaveAttribute("title", firstDataAt!);
  expect(await readMarker(page)).toBe("still here");
  await expect(page).toHaveURL(/[?&]smooth=0\.6/);
  await expect(page.getByLabel("EMA smoothing weight")).toHaveValue("0.6");
  await expect(page.locator("details").filter({ hasText: "config" })).toHaveAttribute("open", "");
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(200);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/screens/live-run.png", fullPage: false });

  // Finishing the run stops the polling: the page says so without a reload either.
  const done = await request.patch(`/api/v1/runs/${run.id}`, { headers: apiHeaders, data: { status: "finished" } });
  expect(done.status()).toBe(200);
  await expect(page.getByTestId("live-updates")).toHaveCount(0, { timeout: 30_000 });
  expect(await readMarker(page)).toBe("still here");
});

test("[LIVE]: the runs table shows a run created while it is open, keeping its filter", async ({ page, request, apiHeaders, credentials, uniqueName }) => {
  const method = uniqueName("live-method");
  await signIn(page, credentials, `/p/${credentials.projectSlug}?method=${method}`);
  await expect(page.getByText(/^showing 0 of 0 matching runs/)).toBeVisible();
  await setMarker(page);
  const run = await createRun(request, apiHeaders, uniqueName("live-new"), { method });
  await expect(page.getByRole("link", { name: run.name })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^showing 1 of 1 matching runs/)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]method=${method}`));
  expect(await readMarker(page)).toBe("still here");
  await page.screenshot({ path: "test-results/screens/live-runs-table.png", fullPage: false });
});
