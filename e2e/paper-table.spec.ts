import type { Page } from "@playwright/test";

import { createShareLink, projectId } from "./support/accounts";
import { expect, signIn, test } from "./support/fixtures";
import { EXPECTED, ingestPaperTableRuns, PAPER_BENCHMARK } from "./support/paper-table-data";

// The Paper table page: pick runs and a benchmark, read the paper's numbers, reopen the URL, add the
// intervals, take the LaTeX and the CSV. The runs are ingested through the API with known verdicts.
test.describe.configure({ timeout: 120_000 });

function cell(page: Page, run: string, column: string, measure: "gen" | "und" | "non") {
  return page.locator(`tr[data-run="${run}"] td[data-column="${column}"][data-measure="${measure}"]`);
}

async function tick(page: Page, name: string) {
  const box = page.getByRole("checkbox", { name });
  await box.click();
  await expect(box).toBeChecked();
}

async function expectNumbers(page: Page, run: string, expected: Record<string, readonly string[]>) {
  for (const [column, values] of Object.entries(expected)) {
    for (const [i, measure] of (["gen", "und", "non"] as const).entries()) {
      await expect(cell(page, run, column, measure), `${run} ${column} ${measure}`).toHaveText(new RegExp(`^${values[i]!.replace(".", "\\.")}(†)?`));
    }
  }
}

test("[PAPER-TABLE]: pick runs and a benchmark, see the paper's numbers, reopen the URL, toggle intervals, take the LaTeX", async ({
  page,
  context,
  request,
  apiHeaders,
  credentials,
  uniqueName,
}) => {
  const name = uniqueName("paper-ui");
  const { baseline, trained } = await ingestPaperTableRuns(request, apiHeaders, name);
  await signIn(page, credentials, `/p/${credentials.projectSlug}`);
  await page.getByRole("link", { name: "Paper table" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Paper table" })).toBeVisible();
  await page.getByLabel("Benchmark").selectOption(PAPER_BENCHMARK);

  // Ticked after the run measured against it, the baseline still becomes the first row.
  // A tick changes the URL and the server answers with the new table; the box follows the URL.
  await tick(page, trained.name);
  await expect(page.getByTestId("paper-table")).toBeVisible();
  await tick(page, baseline.name);
  await expect(page).toHaveURL(new RegExp(`runs=${baseline.id}%2C${trained.id}&benchmark=${PAPER_BENCHMARK}`));
  await expect(page.locator("tbody tr").first()).toHaveAttribute("data-run", baseline.name);
  await expect(page.getByTestId("paper-table").locator("thead")).toContainText("color");
  await expectNumbers(page, baseline.name, EXPECTED.baseline);
  await expectNumbers(page, trained.name, EXPECTED.trained);
  await expect(cell(page, trained.name, "color", "und")).toHaveAttribute("title", /1 disagreements · 95% .* fewer than 10 disagreements/);
  await expect(cell(page, baseline.name, "Overall", "und")).toHaveAttribute("title", /by definition/);
  await page.screenshot({ path: "test-results/screens/paper-table.png", fullPage: true });

  // The URL holds the choice: a fresh page on it shows the same table.
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expectNumbers(other, trained.name, EXPECTED.trained);
  await other.close();

  await tick(page, "Show 95% intervals");
  await expect(page).toHaveURL(/intervals=1/);
  await expect(cell(page, trained.name, "texture", "non")).toContainText(/\[\d+\.\d\d, \d+\.\d\d\]/);
  await expect(cell(page, baseline.name, "color", "und")).toContainText("ref.");
  await page.screenshot({ path: "test-results/screens/paper-table-intervals.png", fullPage: true });

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy LaTeX" }).click();
  await expect(page.getByRole("status").filter({ hasText: "LaTeX copied." })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("\\toprule");
  expect(copied).toContain("{\\scriptsize [");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  expect((await download).suggestedFilename()).toBe("paper-table-t2i-compbench.csv");

  // The trained run's own page shows the same numbers in its panel (the same builder).
  await page.goto(`/p/${credentials.projectSlug}/runs/${trained.id}`);
  const panel = page.locator('[data-testid="chart-card"][data-chart-key="paper-table"]');
  await expect(async () => panel.scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  await expect(panel).toHaveAttribute("data-state", "ready");
  await expectNumbers(page, trained.name, EXPECTED.trained);
  await panel.screenshot({ path: "test-results/screens/paper-table-run-panel.png" });
});

test("[PAPER-TABLE]: a shared comparison shows the paper table of its runs, the baseline first", async ({
  page,
  browser,
  request,
  apiHeaders,
  credentials,
  uniqueName,
}, testInfo) => {
  const { baseline, trained } = await ingestPaperTableRuns(request, apiHeaders, uniqueName("paper-share"));
  await signIn(page, credentials, `/p/${credentials.projectSlug}`);
  const owner = { request: page.request, baseURL: String(testInfo.project.use.baseURL) };
  const link = await createShareLink(owner, {
    projectId: await projectId(owner, credentials.projectSlug),
    scope: "comparison",
    runIds: [trained.id, baseline.id],
  });
  const reviewer = await browser.newContext();
  const shared = await reviewer.newPage();
  await shared.goto(`/share/${link.token}`);
  const section = shared.getByRole("region", { name: "Paper table" });
  await expect(section.getByTestId("paper-table")).toBeVisible({ timeout: 60_000 });
  await expect(section.locator("tbody tr").first()).toHaveAttribute("data-run", baseline.name);
  await expectNumbers(shared, trained.name, EXPECTED.trained);
  await section.screenshot({ path: "test-results/screens/paper-table-shared.png" });
  await reviewer.close();
});
