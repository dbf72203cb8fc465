import type { Page } from "@playwright/test";

import { expect, signIn, test } from "./support/fixtures";

// The sample explorer on the demo project: filter to a verdict class at a checkpoint, open a
// sample and walk its timeline with the keyboard, audit a random draw with the 1 / 0 keys.

async function openExplorer(page: Page, credentials: { email: string; password: string }, slug: string, runName: RegExp) {
  await signIn(page, credentials, `/p/${slug}`);
  await page.getByRole("link", { name: runName }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: runName })).toBeVisible();
  await page.getByRole("navigation", { name: "Samples of this run" }).getByRole("link", { name: "Samples" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Samples" })).toBeVisible();
}

test("[EXPLORER]: filtering to false positives at a checkpoint shows only such cards, with counts", async ({ page, credentials, uiSlug }) => {
  await openExplorer(page, credentials, uiSlug, /SFT on self-judged data/);
  const step = page.getByLabel("checkpoint");
  const options = await step.locator("option").evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter((v) => v !== "all"));
  await step.selectOption(options[1]!);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`step=${options[1]}`));

  const fpLink = page.getByRole("navigation", { name: "Verdict class" }).getByRole("link", { name: /^false positive/ });
  const expected = Number((await fpLink.locator("span").innerText()).replace(/[^\d]/g, ""));
  expect(expected).toBeGreaterThan(0);
  await fpLink.click();
  await expect(fpLink).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("explorer-summary")).toContainText(`false positive`);
  const cards = page.getByTestId("sample-card");
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBe(Math.min(60, expected));
  for (const card of await cards.all()) {
    await expect(card).toContainText(`step ${options[1]}`);
    await expect(card.locator("[data-verdict]").first()).toHaveText("self: aligned");
    await expect(card.locator("[data-verdict]").nth(1)).toHaveText(/: misaligned$/);
  }
  await page.screenshot({ path: "test-results/screens/explorer-fp.png", fullPage: false });

  await page.goto(`/p/${uiSlug}/samples?step=abc&class=nope`);
  const alert = page.getByRole("alert").filter({ hasText: "cannot be applied" });
  await expect(alert).toContainText("step: a checkpoint step");
  await expect(alert).toContainText("class: one of");
  expect((await page.goto(`/p/${uiSlug}/samples/999999999999`))?.status()).toBe(404);
});

test("[EXPLORER]: a sample's timeline is walked with j / k and Esc goes back to the grid", async ({ page, credentials, uiSlug }) => {
  await openExplorer(page, credentials, uiSlug, /SFT on self-judged data/);
  await page.keyboard.press("j");
  await expect(page.getByTestId("sample-card").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sample-prompt")).toBeVisible();
  const strip = page.getByRole("list", { name: "The prompt across checkpoints" });
  await expect(strip.locator('a[aria-current="page"]')).toContainText("step");
  const steps = await strip.getByRole("link").allInnerTexts();
  expect(steps.length).toBeGreaterThan(2);
  // The grid opens the latest checkpoint's image: walk back through earlier ones and forward again.
  const current = strip.locator('a[aria-current="page"]');
  const first = await current.getAttribute("href");
  await page.keyboard.press("k");
  await expect(current).not.toHaveAttribute("href", first!);
  const second = await current.getAttribute("href");
  await page.keyboard.press("ArrowLeft");
  await expect(current).not.toHaveAttribute("href", second!);
  await page.keyboard.press("j");
  await expect(current).toHaveAttribute("href", second!);
  await expect(page.getByRole("cell", { name: /self/ }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/sample-page.png", fullPage: true });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("heading", { level: 1, name: "Samples" })).toBeVisible();
  await expect(page).toHaveURL(/run=[0-9a-f-]{36}/);
});

test("[AUDIT]: labelling three samples with the keyboard moves the self-judge's precision estimate", async ({ page, credentials, uiSlug }) => {
  await openExplorer(page, credentials, uiSlug, /SFT on self-judged data/);
  await page.getByLabel("images").fill("12");
  await page.getByRole("button", { name: "Start audit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Audit of/ })).toBeVisible();
  const progress = page.getByTestId("audit-progress");
  const before = Number((await progress.innerText()).split(" ")[0]);
  for (let i = 1; i <= 3; i++) {
    const prompt = await page.getByTestId("audit-prompt").innerText();
    await page.keyboard.press(i === 2 ? "0" : "1");
    await expect(progress).toHaveText(new RegExp(`^${before + i} of 12`));
    if (i < 3) await expect(page.getByTestId("audit-prompt")).not.toHaveText(prompt);
  }
  // The estimate counts the labelled images the model accepted: read their revealed self verdicts.
  const estimate = page.getByTestId("audit-estimate");
  await expect(estimate).toHaveAttribute("data-n", /\d+/);
  let accepted = 0;
  const labels: string[] = [];
  for (let i = 0; i < 3; i++) {
    await page
      .getByRole("navigation", { name: "Audit images" })
      .getByRole("link", { name: String(i + 1), exact: true })
      .click();
    await expect(page.getByRole("navigation", { name: "Audit images" }).getByRole("link", { name: String(i + 1), exact: true })).toHaveAttribute(
      "aria-current",
      "step",
    );
    labels.push(await page.getByTestId("my-label").innerText());
    if (
      (await page
        .locator("[data-verdict]")
        .filter({ hasText: /^self:/ })
        .innerText()) === "self: aligned"
    )
      accepted++;
  }
  expect(labels).toEqual(["your label: aligned", "your label: misaligned", "your label: aligned"]);
  await expect(estimate).toHaveAttribute("data-n", String(accepted));
  if (accepted > 0) await expect(page.getByTestId("audit-precision")).toHaveText(/%$/);
  await page.screenshot({ path: "test-results/screens/audit.png", fullPage: true });
});

test("[SHARING]: hand-picked samples open for a reviewer without an account, images included", async ({ page, browser, baseURL, credentials, uiSlug }) => {
  await openExplorer(page, credentials, uiSlug, /SFT with corrupted labels/);
  // Each card is itself the link to its sample's page.
  await expect(page.getByTestId("sample-card").first()).toBeVisible();
  const hrefs = await page.getByTestId("sample-card").evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute("href") ?? ""));
  const ids = [...new Set(hrefs.map((h) => h.split("/samples/")[1]!.split(/[?#]/)[0]!))];
  expect(ids.length).toBeGreaterThan(0);
  await page.goto(`/p/${uiSlug}/settings`);
  const sharing = page.locator("#share-links");
  await sharing.getByLabel("Hand-picked samples").check();
  await sharing.getByLabel("Sample ids").fill(ids.join(" "));
  await sharing.getByRole("button", { name: "Create share link" }).click();
  const shareUrl = await page.getByLabel("New share link", { exact: true }).inputValue();

  const reviewerContext = await browser.newContext({ baseURL });
  const reviewer = await reviewerContext.newPage();
  await reviewer.goto(shareUrl);
  await expect(reviewer.getByRole("heading", { name: `${ids.length} samples` })).toBeVisible();
  const images = reviewer.locator("main img");
  await expect(images).toHaveCount(ids.length);
  // Every thumbnail really loaded (an <img> names the link in ?share=, the cookie authenticates it).
  await expect
    .poll(() => images.evaluateAll((els) => els.every((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0)))
    .toBe(true);
  // Without the link's cookie the same URL is refused.
  const src = await images.first().getAttribute("src");
  expect((await (await browser.newContext({ baseURL })).request.get(src!)).status()).toBe(401);
  await reviewer.screenshot({ path: "test-results/screens/shared-samples.png", fullPage: true });
  await reviewerContext.close();
});

test("[EXPLORER]: a sample generated from a rewritten prompt shows that text beside the benchmark's and its source path", async ({
  page,
  request,
  credentials,
  apiHeaders,
  uniqueName,
}) => {
  const run = await (await request.post("/api/v1/runs", { headers: apiHeaders, data: { name: uniqueName("rewritten") } })).json();
  const generationPrompt = "a photo of a bench. A high-resolution photo depicting a wooden park bench in soft morning light.";
  const logged = await request.post(`/api/v1/runs/${run.id}/samples`, {
    headers: apiHeaders,
    data: {
      samples: [{ step: 0, prompt: "geneval/00000", generationPrompt, sourcePath: "/mnt/cluster/outputs/00000/samples/00000.png", judgments: [] }],
    },
  });
  expect(logged.status()).toBe(200);
  const { sampleIds } = (await logged.json()) as { sampleIds: string[] };
  await signIn(page, credentials, `/p/demo/samples/${sampleIds[0]}`);
  await expect(page.getByTestId("sample-prompt")).toHaveText("a photo of a bench");
  await expect(page.getByTestId("generation-prompt")).toContainText(generationPrompt);
  await expect(page.getByText("/mnt/cluster/outputs/00000/samples/00000.png")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/sample-generation-prompt.png" });
});
