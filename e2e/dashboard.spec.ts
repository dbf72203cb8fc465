import type { Page } from "@playwright/test";

import { expect, signIn, test } from "./support/fixtures";
import { createRun } from "./support/ingest";

// The UI specs read their own copy of the simulated demo (e2e/ui-project.setup.ts): a pre-trained
// baseline and four trained runs with 2,000 training steps of curves and checkpoints every 500 steps.
const DEMO_STEPS = 2000;
// Settling every panel scrolls through dozens of lazily mounted cards: minutes on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 });

async function openDemoRun(page: Page, credentials: { email: string; password: string }, slug: string, name: RegExp) {
  await signIn(page, credentials, `/p/${slug}`);
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** Brings a card into view; a lazy placeholder may be swapped for the real card while scrolling. */
async function scrollToCard(page: Page, key: string) {
  const card = page.locator(`[data-testid="chart-card"][data-chart-key="${key}"]`);
  await expect(async () => card.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  return card;
}

/** Scrolls every card into view (panels mount lazily) and waits until none is loading. */
async function settleAllCards(page: Page): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  const keys = await page.getByTestId("chart-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-chart-key") ?? ""));
  for (const key of keys) {
    const card = await scrollToCard(page, key);
    await expect(card).not.toHaveAttribute("data-state", "loading");
    states.set(key, (await card.getAttribute("data-state")) ?? "");
  }
  return states;
}

test("[DASHBOARD]: a run page's dense curves reach ready and every summary panel settles honestly", async ({ page, credentials, uiSlug }) => {
  await openDemoRun(page, credentials, uiSlug, /SFT on self-judged data/);
  const states = await settleAllCards(page);
  expect(states.get("train/loss")).toBe("ready");
  // Every panel draws the metrics engine's numbers or says why it has none; none fails.
  for (const [key, state] of states) expect(["ready", "empty"], `${key} is ${state}`).toContain(state);
  expect([...states.values()].filter((s) => s === "ready").length).toBeGreaterThan(10);
  const loss = page.locator('[data-chart-key="train/loss"]');
  await expect(loss).toHaveAttribute("data-series-count", "1");
  // 2,000 points are bucketed on the server: at most 1,000 are drawn, and the badge says so.
  await expect(loss.getByTestId("points-badge")).toHaveText(`showing 1,000 of ${DEMO_STEPS.toLocaleString("en")} points`);
  await expect(loss.locator("svg .recharts-line-curve")).toHaveCount(1);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/screens/dashboard-run.png", fullPage: true });
});

test("[DASHBOARD]: zooming re-queries the range and a copied URL restores the whole view", async ({ page, context, credentials, uiSlug }) => {
  await openDemoRun(page, credentials, uiSlug, /DPO/);
  const loss = await scrollToCard(page, "train/loss");
  await expect(loss).toHaveAttribute("data-state", "ready");

  await page.getByLabel("x axis").selectOption("time");
  await page.getByLabel("EMA smoothing weight").fill("0.6");
  await loss.getByLabel("log y").check();
  await page.getByLabel("from step").fill("100");
  await page.getByLabel("to step").fill("199");
  await page.getByRole("button", { name: "Zoom" }).click();
  await expect(loss.getByTestId("points-badge")).toHaveText("showing 100 of 100 points");
  await expect(loss.getByText("EMA 0.6 (debiased, over the drawn points)")).toBeVisible();
  await expect(page).toHaveURL(/x=time/);

  const copied = page.url();
  const reopened = await context.newPage();
  await reopened.goto(copied);
  const again = await scrollToCard(reopened, "train/loss");
  await expect(again).toHaveAttribute("data-state", "ready");
  await expect(reopened.getByLabel("x axis")).toHaveValue("time");
  await expect(reopened.getByLabel("EMA smoothing weight")).toHaveValue("0.6");
  await expect(again.getByLabel("log y")).toBeChecked();
  await expect(again.getByTestId("points-badge")).toHaveText("showing 100 of 100 points");
  await expect(reopened.getByRole("button", { name: /Reset zoom \(100–199\)/ })).toBeVisible();
  await reopened.evaluate(() => window.scrollTo(0, 0));
  await reopened.screenshot({ path: "test-results/screens/dashboard-restored.png", fullPage: true });

  await reopened.getByRole("button", { name: /Reset zoom/ }).click();
  await expect(again.getByTestId("points-badge")).toHaveText(`showing 1,000 of ${DEMO_STEPS.toLocaleString("en")} points`);
});

test("[RUNS]: search, sort and pick two runs to compare on one grid", async ({ page, credentials, uiSlug }) => {
  await signIn(page, credentials, `/p/${uiSlug}`);
  await page.getByLabel("search").fill("DPO");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("showing 1 of 1 matching runs")).toBeVisible();
  await page.goto(`/p/${uiSlug}?sort=non&dir=asc`);
  await expect(page.getByRole("columnheader", { name: /Non/ }).first()).toHaveAttribute("aria-sort", "ascending");
  // Header plus the demo's five runs, lowest Nonunified score first (every run has figures).
  const rows = page.getByRole("row");
  await expect(rows).toHaveCount(6);
  const runCell = (row: ReturnType<typeof rows.nth>) => row.getByRole("cell").nth(1);
  await expect(runCell(rows.nth(1))).not.toContainText("pre-trained");
  await expect(runCell(rows.last())).toContainText("pre-trained");

  await page.getByLabel(/Select .*SFT on self-judged/).check();
  await page.getByLabel(/Select .*corrupted labels/).check();
  await expect(page).toHaveURL(/sel=/);
  await page.getByRole("link", { name: "Compare 2 runs" }).click();
  await expect(page.getByRole("heading", { name: "Compare 2 runs" })).toBeVisible();
  const states = await settleAllCards(page);
  expect(states.get("train/loss")).toBe("ready");
  await expect(page.locator('[data-chart-key="train/loss"]')).toHaveAttribute("data-series-count", "2");
  for (const key of ["trend-map", "delta-table"]) expect(states.get(key)).toBe("ready");

  // The paper's two outcomes side by side: self-judged SFT co-improves; SFT on corrupted labels
  // co-degrades while its Nonunified score still improves, which raises the data-quality alarm.
  const classes = page.getByTestId("trend-class");
  await expect(classes.filter({ hasText: "co-improvement" })).toHaveCount(1);
  await expect(classes.filter({ hasText: "co-degradation" })).toHaveCount(1);
  const alarm = page.getByTestId("data-quality-alarm");
  await expect(alarm).toBeVisible();
  await expect(alarm).toContainText("corrupted labels");
  await expect(alarm).not.toContainText("self-judged data");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/screens/dashboard-compare.png", fullPage: true });
});

test("[DASHBOARD]: the bucket API refuses bad input and strangers alike", async ({ page, request, credentials, uiSlug }) => {
  const unauthenticated = await request.get("/api/series/buckets?runs=00000000-0000-4000-8000-000000000000&key=train/loss");
  expect(unauthenticated.status()).toBe(401);
  await signIn(page, credentials, `/p/${uiSlug}`);
  const bad = await page.request.get("/api/series/buckets?runs=not-a-uuid&key=train/loss");
  expect(bad.status()).toBe(422);
  const missing = await page.request.get("/api/series/buckets?runs=00000000-0000-4000-8000-000000000000&key=train/loss");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("NOT_FOUND");
});

test("[SHARING]: Share… on a comparison makes an anonymized link that opens the same view with every panel, and no names", async ({
  page,
  browser,
  baseURL,
  credentials,
  uiSlug,
}) => {
  await signIn(page, credentials, `/p/${uiSlug}`);
  await page.getByLabel(/Select .*SFT on self-judged/).check();
  await page.getByLabel(/Select .*corrupted labels/).check();
  await page.getByRole("link", { name: "Compare 2 runs" }).click();
  await expect(page.getByRole("heading", { name: "Compare 2 runs" })).toBeVisible();
  await page.getByLabel("x axis").selectOption("time");
  await expect(page).toHaveURL(/x=time/);

  await page.getByRole("button", { name: "Share…" }).click();
  await expect(page.getByRole("heading", { name: "Project settings" })).toBeVisible();
  const sharing = page.locator("#share-links");
  await expect(sharing.getByLabel("A comparison")).toBeChecked();
  await expect(sharing.getByLabel("View")).toHaveValue(/x=time/);
  await expect(sharing.getByLabel(/SFT on self-judged/)).toBeChecked();
  await sharing.getByLabel(/Anonymize/).check();
  await sharing.getByRole("button", { name: "Create share link" }).click();
  const shareUrl = await page.getByLabel("New share link", { exact: true }).inputValue();

  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();
  await visitor.goto(shareUrl);
  await expect(visitor).toHaveURL(/\/shared\/[0-9a-f-]{36}\?.*x=time/);
  await expect(visitor.getByRole("heading", { name: "Comparison of 2 runs" })).toBeVisible();
  const states = await settleAllCards(visitor);
  for (const key of ["trend-map", "delta-table", "train/loss"]) expect(states.get(key), key).toBe("ready");
  // Client-side curve requests authenticate with the link: both runs' curves arrive.
  await expect(visitor.locator('[data-chart-key="train/loss"]')).toHaveAttribute("data-series-count", "2");
  await expect(visitor.getByLabel("x axis")).toHaveValue("time");
  const classes = visitor.getByTestId("trend-class");
  await expect(classes.filter({ hasText: "co-improvement" })).toHaveCount(1);
  await expect(classes.filter({ hasText: "co-degradation" })).toHaveCount(1);
  await expect(visitor.getByTestId("data-quality-alarm")).toBeVisible();
  const text = await visitor.locator("main").innerText();
  for (const name of ["Janus-Pro", "self-judged", "corrupted labels", "Demo"]) expect(text, `"${name}" leaks into an anonymized page`).not.toContain(name);
  // Heatmap cells stand for samples the visitor may not open: no links into the project.
  await expect(visitor.locator('a[href^="/p/"]')).toHaveCount(0);
  await visitor.evaluate(() => window.scrollTo(0, 0));
  await visitor.screenshot({ path: "test-results/screens/shared-comparison.png", fullPage: true });
  await visitorContext.close();
});

test("[DASHBOARD]: a single-step spike in 100,000 points stays inside the drawn band at default zoom", async ({ page, request, apiHeaders, credentials }) => {
  const run = await createRun(request, apiHeaders, `spike-${Date.now()}`, { method: "sft" });
  const SPIKE_STEP = 61_337;
  const SPIKE = 50;
  for (let start = 0; start < 100_000; start += 10_000) {
    const points = Array.from({ length: 10_000 }, (_, i) => {
      const step = start + i;
      return { key: "train/loss", step, value: step === SPIKE_STEP ? SPIKE : 1 + 0.1 * Math.sin(step / 50) };
    });
    const response = await request.post(`/api/v1/runs/${run.id}/metrics`, { headers: apiHeaders, data: { points } });
    expect(response.status(), await response.text()).toBeLessThan(300);
  }
  await signIn(page, credentials, new URL(run.url, "http://unigap.invalid").pathname);
  const loss = await scrollToCard(page, "train/loss");
  await expect(loss).toHaveAttribute("data-state", "ready");
  // Buckets come from the coarsest rollup level that still gives ~1,000 of them.
  await expect(loss.getByTestId("points-badge")).toHaveText(/^showing [\d,]+ of 100,000 points$/);
  const drawn = Number((await loss.getByTestId("points-badge").textContent())!.match(/showing ([\d,]+)/)![1]!.replace(/,/g, ""));
  expect(drawn).toBeGreaterThan(500);
  expect(drawn).toBeLessThanOrEqual(1_000);
  // The y axis reaches the spike: the band (bucket min..max) carries it although the line is per-bucket last.
  // (the x ticks here read 30k, 60k, … and drop out as non-numbers)
  const ticks = (await loss.locator(".recharts-cartesian-axis-tick-label").allTextContents()).map(Number).filter(Number.isFinite);
  expect(Math.max(...ticks)).toBeGreaterThanOrEqual(SPIKE);
  // The CSV holds exactly what is drawn: the spike's bucket has max = 50 and spans its step.
  const download = page.waitForEvent("download");
  await loss.getByRole("button", { name: "Download the CSV of train/loss" }).click();
  const csv = await (await (await download).createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString("utf8").trim().split("\r\n");
  const header = lines[0]!.split(",");
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [header[i], v])));
  expect(rows.length).toBeLessThanOrEqual(1_000);
  const spiked = rows.filter((r) => Number(r.max) === SPIKE);
  expect(spiked).toHaveLength(1);
  expect(Number(spiked[0]!.bucket_from_step)).toBeLessThanOrEqual(SPIKE_STEP);
  expect(Number(spiked[0]!.bucket_to_step)).toBeGreaterThanOrEqual(SPIKE_STEP);
  await page.screenshot({ path: "test-results/screens/dashboard-spike.png", fullPage: false });
});

test("[DASHBOARD]: a checkpoint's Non opens the samples behind it in the explorer", async ({ page, credentials, uiSlug }) => {
  await openDemoRun(page, credentials, uiSlug, /SFT on self-judged data/);
  const heatmap = await scrollToCard(page, "heatmap:non");
  await expect(heatmap).toHaveAttribute("data-state", "ready");
  await heatmap.getByRole("link", { name: /^Overall at step 2000:/ }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${uiSlug}/samples\\?run=[0-9a-f-]{36}&step=2000$`));
  await expect(page.getByRole("heading", { level: 1, name: "Samples" })).toBeVisible();
  await expect(page.getByTestId("sample-card").first()).toContainText("step 2000");
});

test("[DASHBOARD]: the training data panel audits the supervision and shows the curriculum admitting prompts", async ({ page, credentials, uiSlug }) => {
  await openDemoRun(page, credentials, uiSlug, /SFT with corrupted labels/);
  const audit = page.getByTestId("supervision-audit");
  await expect(audit).toContainText("precision of SFT-chosen images");
  await expect(audit).toContainText(/n = \d+/);
  await expect(audit.getByText("at risk", { exact: true })).toBeVisible();

  await page.goto(`/p/${uiSlug}`);
  await page
    .getByRole("link", { name: /curriculum SFT/ })
    .first()
    .click();
  const rounds = page.getByTestId("curriculum-rounds");
  await expect(rounds.getByRole("row")).not.toHaveCount(0);
  // Replay rounds admit prompts from the discard pool: some round's "admitted" cell is positive.
  const admitted = await rounds.locator("tbody tr").evaluateAll((rows) => rows.map((r) => Number(r.children[5]?.textContent ?? "0")));
  expect(Math.max(...admitted)).toBeGreaterThan(0);
  await expect(page.getByTestId("supervision-audit").getByText("at risk", { exact: true })).toHaveCount(0);
});
