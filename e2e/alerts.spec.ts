import { alertProject, logCheckpoint, startRun } from "./support/co-trend-run";
import { expect, signIn, test } from "./support/fixtures";

// The alerts UI (issue 14): a co-degrading run of a fresh project shows a banner on its run page, a
// mark in the runs table and an entry on the Alerts page with its figures (n and intervals); one click
// acknowledges it. In settings the owner edits the rules and adds a webhook whose secret is shown once.
test("[ALERTS UI]: banner, runs-table mark, Alerts page with acknowledge, rules and webhooks in settings", async ({
  page,
  playwright,
  baseURL,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const project = await alertProject(playwright, baseURL!);
  const run = await startRun(request, project, "sft-corrupted-labels");
  await logCheckpoint(request, project, run.id, 10, "degrade");
  const headers = { authorization: `Bearer ${project.apiKey}` };
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/runs/${run.id}/alerts?status=open`, { headers })).json()) as { alerts: unknown[] }).alerts.length, {
      timeout: 30_000,
    })
    .toBe(1);

  await signIn(page, project.owner, `/p/${project.slug}`);
  const row = page.getByRole("row").filter({ hasText: "sft-corrupted-labels" });
  await expect(row.locator("[data-alert-mark]")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("runs-table.png") });

  await page.getByRole("link", { name: "sft-corrupted-labels" }).first().click();
  const banner = page.getByRole("alert").filter({ hasText: "Co-degradation" });
  await expect(banner).toContainText("at step 10");
  await page.screenshot({ path: testInfo.outputPath("run-banner.png") });

  await banner.getByRole("link", { name: /See the alerts/ }).click();
  const item = page.locator('[data-alert="co_degradation"]');
  await expect(item).toContainText("sft-corrupted-labels");
  await expect(item).toContainText(/ΔGen\s*−\d+\.\d pp \[.*\] pp, n = \d+/);
  await expect(item).toContainText(/Und\s*\d+\.\d% \[.*\]%, n = \d+/);
  await page.screenshot({ path: testInfo.outputPath("alerts-page.png"), fullPage: true });
  await item.getByRole("button", { name: "Acknowledge" }).click();
  await expect(item).toContainText("acknowledged by");
  await expect(item.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  await page.goto(`/p/${project.slug}/settings#alerts`);
  const rules = page.getByRole("form", { name: "Alert rules" });
  await rules.getByRole("checkbox").first().check();
  await rules.getByLabel("gen_below_baseline threshold (points)").fill("150");
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules).toContainText("from 0 to 100");
  await rules.getByLabel("gen_below_baseline threshold (points)").fill("8");
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules).toContainText("Saved.");
  expect(((await (await request.get(`/api/v1/projects/${project.slug}/alert-rules`, { headers })).json()) as { rules: unknown[] }).rules).toEqual([
    expect.objectContaining({ kind: "gen_below_baseline", threshold: 8, enabled: true }),
  ]);

  await page.locator("#webhooks input[name=url]").fill("ftp://example.com/hook");
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText(/not http\(s\)/)).toBeVisible();
  await page.locator("#webhooks input[name=url]").fill("http://127.0.0.1:9/hook");
  await page.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByText("it is shown only once")).toBeVisible();
  await expect(page.getByRole("table", { name: "Webhooks" })).toContainText("http://127.0.0.1:9/hook");
  await page.locator("#webhooks").scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("settings.png"), fullPage: true });
});
