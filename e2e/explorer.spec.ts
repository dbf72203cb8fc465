import type { Page } from "@playwright/test";

import { expect, signIn, test } from "./support/fixtures";

// The sample explorer on the demo project: filter to a verdict class at a checkpoint, open a
// sample and walk its timeline with the keyboard, audit a random draw with the 1 / 0 keys.

async function openExplorer(page: Page, credentials: { email: string; password: string }, runName: RegExp) {
  await signIn(page, credentials, "/p/demo");
  await page.getByRole("link", { name: runName }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: runName })).toBeVisible();
  await page.getByRole("navigation", { name: "Samples of this run" }).getByRole("link", { name: "Samples" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Samples" })).toBeVisible();
}

test("[EXPLORER]: filtering to false positives at a checkpoint shows only such cards, with counts", async ({ page, credentials }) => {
  await openExplorer(page, credentials, /SFT on self-judged data/);
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
    await expect(card.locator('[data-verdict]').first()).toHaveText("self: aligned");
    await expect(card.locator('[data-verdict]').nth(1)).toHaveText(/: misaligned$/);
  }
  await page.screenshot({ path: "test-results/screens/explorer-fp.png", fullPage: false });

  await page.goto("/p/demo/samples?step=abc&class=nope");
  await expect(page.getByRole("alert")).toContainText("step: a checkpoint step");
  await expect(page.getByRole("alert")).toContainText("class: one of");
  expect((await page.goto("/p/demo/samples/999999999999"))?.status()).toBe(404);
});

test("[EXPLORER]: a sample's timeline is walked with j / k and Esc goes back to the grid", async ({ page, credentials }) => {
  await openExplorer(page, credentials, /SFT on self-judged data/);
  await page.getByLabel("checkpoint").selectOption("all");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/step=all/);
  await page.keyboard.press("j");
  await expect(page.getByTestId("sample-card").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sample-prompt")).toBeVisible();
  const strip = page.getByRole("list", { name: "The prompt across checkpoints" });
  await expect(strip.locator('a[aria-current="page"]')).toContainText("step");
  const steps = await strip.getByRole("link").allInnerTexts();
  expect(steps.length).toBeGreaterThan(2);
  const first = await strip.locator('a[aria-current="page"]').innerText();
  await page.keyboard.press("j");
  await expect(strip.locator('a[aria-current="page"]')).not.toHaveText(first);
  const second = await strip.locator('a[aria-current="page"]').innerText();
  await page.keyboard.press("ArrowRight");
  await expect(strip.locator('a[aria-current="page"]')).not.toHaveText(second);
  await page.keyboard.press("k");
  await expect(strip.locator('a[aria-current="page"]')).toHaveText(second);
  await expect(page.getByRole("cell", { name: /self/ }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/sample-page.png", fullPage: true });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("heading", { level: 1, name: "Samples" })).toBeVisible();
  await expect(page).toHaveURL(/step=all/);
});

test("[AUDIT]: labelling three samples with the keyboard moves the self-judge's precision estimate", async ({ page, credentials }) => {
  await openExplorer(page, credentials, /SFT on self-judged data/);
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
  await expect(page.getByTestId("audit-estimate")).toBeVisible();
  await page.getByRole("navigation", { name: "Audit images" }).getByRole("link").first().click();
  await expect(page.getByTestId("my-label")).toHaveText(/your label: aligned/);
  await page.screenshot({ path: "test-results/screens/audit.png", fullPage: true });
});
