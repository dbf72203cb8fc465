import { expect, signIn, test } from "./support/fixtures";
import { createRun } from "./support/ingest";

// Datasets on the demo: build the curriculum run's round-0 SFT set from its own verdicts with the
// live preview following the recipe, read the gate, pairs and export (the archive's manifest counts
// what the page counts), declare a run trained on it and follow the lineage both ways; the
// corrupted-labels run's set is flagged and cannot be built without the acknowledgement.

/** The entries of an uncompressed tar: name → bytes (ustar headers, 512-byte blocks). */
function readTar(buffer: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let offset = 0;
  while (offset + 512 <= buffer.length) {
    const header = buffer.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    const prefix = header.subarray(345, 500).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(header.subarray(124, 136).toString("utf8").replace(/\0.*$/s, "").trim() || "0", 8);
    entries.set(prefix ? `${prefix}/${name}` : name, buffer.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

const itemsOf = async (page: import("@playwright/test").Page) => Number(await page.getByTestId("dataset-preview").getByTestId("overall-items").innerText());

test("[DATASETS]: build the curriculum round-0 SFT set with a live preview, see its pairs, gate and export, and follow the lineage", async ({
  page,
  credentials,
  apiHeaders,
  uniqueName,
}) => {
  await signIn(page, credentials, "/p/demo");
  await page.getByRole("link", { name: "Datasets", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Datasets" })).toBeVisible();

  const form = page.getByRole("form", { name: "Build a dataset" });
  await form.getByLabel("Source run").selectOption({ label: "Janus-Pro-7B · curriculum SFT" });
  await form.getByLabel("Construction round (step)").selectOption({ index: 0 });
  const preview = page.getByTestId("dataset-preview");
  await expect(preview).toHaveAttribute("data-state", "ready");
  await expect(preview.getByTestId("gate-badge")).toHaveAttribute("data-risk", "pass");
  const all = await itemsOf(page);
  expect(all).toBeGreaterThan(0);

  // The preview follows the recipe: at most one image per prompt is fewer images.
  await form.getByLabel("Max per prompt").fill("1");
  await expect.poll(() => itemsOf(page)).toBeLessThan(all);
  await expect(preview).toHaveAttribute("data-state", "ready");
  const capped = await itemsOf(page);
  await page.screenshot({ path: "test-results/screens/datasets-build.png", fullPage: true });
  await form.getByLabel("Max per prompt").fill("");
  await expect.poll(() => itemsOf(page)).toBe(all);
  expect(capped).toBeLessThan(all);

  await form.getByRole("button", { name: "Build dataset" }).click();
  await page.waitForURL(/\/p\/demo\/datasets\/[0-9a-f-]{36}/);
  const datasetId = /datasets\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  const name = await page.getByRole("heading", { level: 1 }).innerText();
  await expect(page.getByTestId("dataset-size")).toHaveAttribute("data-items", String(all));
  await expect(page.getByTestId("dataset-gate")).toContainText("Passes the gate");
  await expect(page.getByTestId("dataset-gate")).toContainText("precision (external)");
  const items = page.getByTestId("dataset-item");
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBe(Math.min(24, all));
  await expect(items.first().locator("[data-verdict]").first()).toHaveText("self: aligned");
  await page.screenshot({ path: "test-results/screens/dataset-page.png", fullPage: true });

  const tarLink = page.getByTestId("export-links").getByRole("link", { name: "Download .tar", exact: true });
  const href = await tarLink.getAttribute("href");
  expect(href).toBe(`/api/v1/datasets/${datasetId}/export`);
  await expect(page.getByTestId("export-links").getByRole("link", { name: "Download .tar.gz" })).toHaveAttribute("href", `${href}?format=tar.gz`);
  const archive = await page.request.get(href!);
  expect(archive.status()).toBe(200);
  const manifest = JSON.parse(
    readTar(await archive.body())
      .get("manifest.json")!
      .toString("utf8"),
  ) as { datasetId: string; counts: { items: number } };
  expect(manifest).toMatchObject({ datasetId, counts: { items: all } });

  // Lineage: a run declares it trained on the set; the run page says so and links back.
  const run = await createRun(page.request, apiHeaders, uniqueName("trained-on"), { trainedOn: [datasetId] });
  await page.goto(`/p/demo/runs/${run.id}`);
  const trainedOn = page.getByTestId("trained-on");
  await expect(trainedOn).toContainText(`trained on ${name} — built from Janus-Pro-7B · curriculum SFT @ `);
  await expect(trainedOn).toContainText("judge self, precision ");
  await page.screenshot({ path: "test-results/screens/run-trained-on.png" });
  await trainedOn.getByRole("link", { name }).click();
  await expect(page.getByTestId("dataset-lineage").getByRole("link", { name: run.name })).toBeVisible();
  await page.goto("/p/demo/datasets");
  await expect(page.getByTestId("dataset-row").filter({ hasText: name })).toContainText(run.name);
  await page.getByRole("table", { name: "Datasets" }).screenshot({ path: "test-results/screens/datasets-list.png" });
});

test("[DATASETS]: the corrupted-labels run's round-0 set is flagged with its reason and needs the acknowledgement to build", async ({ page, credentials }) => {
  await signIn(page, credentials, "/p/demo/datasets");
  const form = page.getByRole("form", { name: "Build a dataset" });
  await form.getByLabel("Source run").selectOption({ label: "Janus-Pro-7B · SFT with corrupted labels" });
  await form.getByLabel("Construction round (step)").selectOption({ index: 0 });
  const preview = page.getByTestId("dataset-preview");
  await expect(preview).toHaveAttribute("data-state", "ready");
  await expect(preview.getByTestId("gate-badge")).toHaveAttribute("data-risk", "at-risk");
  await expect(preview.getByRole("alert")).toContainText(/Precision of the chosen images against the external judge is \d+\.\d% \[/);
  const build = form.getByRole("button", { name: "Build anyway" });
  await expect(build).toBeDisabled();
  await form.getByLabel(/build it anyway/).check();
  await expect(build).toBeEnabled();
  await page.screenshot({ path: "test-results/screens/datasets-at-risk.png", fullPage: true });

  // The threshold is the owners' project setting: a percentage where a fraction belongs is refused
  // with a clear message; the default saves.
  await page.getByRole("link", { name: "Gate threshold" }).click();
  const gate = page.getByRole("form", { name: "Dataset gate" });
  await gate.getByLabel("Precision threshold").fill("60");
  await gate.getByRole("button", { name: "Save" }).click();
  await expect(gate).toContainText("at most 1 (a fraction, not a percentage)");
  await gate.getByLabel("Precision threshold").fill("0.6");
  await gate.getByRole("button", { name: "Save" }).click();
  await expect(gate.getByRole("status")).toContainText("now gate at 0.6");
});

test("[DATASETS]: a curriculum round's ledger links its remaining count to the pool, 12 prompts a page with every candidate and its verdicts", async ({
  page,
  credentials,
  apiHeaders,
}) => {
  const runs = (await (await page.request.get("/api/v1/runs?project=demo&limit=200", { headers: apiHeaders })).json()) as {
    runs: { id: string; name: string }[];
  };
  const curriculum = runs.runs.find((r) => r.name === "Janus-Pro-7B · curriculum SFT")!;
  const build = async (data: Record<string, unknown>) => {
    const response = await page.request.post(`/api/v1/runs/${curriculum.id}/datasets`, { headers: apiHeaders, data });
    expect(response.ok(), await response.text()).toBe(true);
    return (await response.json()) as { id: string; poolCount: number };
  };
  const round0 = await build({ kind: "sft", step: 0 });
  // The replay round at epoch 10 (step 1000) re-samples round 0's pool.
  const round1 = await build({ kind: "sft", step: 1000, previousDatasetId: round0.id });
  expect(round1.poolCount).toBeGreaterThan(0);

  await signIn(page, credentials, `/p/demo/datasets/${round1.id}`);
  const link = page.getByTestId("dataset-ledger").getByTestId("ledger-pool-link");
  await expect(link).toHaveText(String(round1.poolCount));
  await link.click();
  await page.waitForURL(new RegExp(`/p/demo/datasets/${round1.id}/pool`));
  await expect(page.getByRole("heading", { level: 1, name: "Discard pool" })).toBeVisible();
  await expect(page.getByTestId("pool-summary")).toHaveAttribute("data-total", String(round1.poolCount));
  const prompts = page.getByTestId("pool-prompt");
  await expect(prompts.first()).toBeVisible();
  expect(await prompts.count()).toBe(Math.min(12, round1.poolCount));
  // A pool prompt is one none of whose candidates the round's own judge accepted.
  const candidates = page.getByTestId("pool-candidate");
  expect(await candidates.count()).toBeGreaterThan(0);
  expect(await page.locator('[data-testid="pool-candidate"] [data-verdict="1"]', { hasText: "self:" }).count()).toBe(0);
  await page.screenshot({ path: "test-results/screens/dataset-pool.png", fullPage: true });
  if (round1.poolCount > 12) {
    await page.getByRole("link", { name: "next page →" }).click();
    await page.waitForURL(/pool\?page=2/);
    await expect(prompts.first()).toBeVisible();
    expect(await prompts.count()).toBe(Math.min(12, round1.poolCount - 12));
  }
  expect((await page.request.get(`/p/demo/datasets/${round1.id}/pool?page=99999`)).status()).toBe(404);
});

test("[DATASETS]: the corrupted run's data-quality alarm names the at-risk set it trained on, and that set's lineage shows the run's class and alarm", async ({
  page,
  credentials,
  apiHeaders,
}) => {
  const runs = (await (await page.request.get("/api/v1/runs?project=demo&limit=200", { headers: apiHeaders })).json()) as {
    runs: { id: string; name: string }[];
  };
  const corrupted = runs.runs.find((r) => r.name === "Janus-Pro-7B · SFT with corrupted labels")!;
  const built = await page.request.post(`/api/v1/runs/${corrupted.id}/datasets`, {
    headers: apiHeaders,
    data: { kind: "sft", step: 0, acknowledgeRisk: true },
  });
  expect(built.ok(), await built.text()).toBe(true);
  const dataset = (await built.json()) as { id: string; name: string; risk: { atRisk: boolean } };
  expect(dataset.risk.atRisk).toBe(true);
  // The run declares (by an update) that it trained on its own round-0 set.
  const patched = await page.request.patch(`/api/v1/runs/${corrupted.id}`, { headers: apiHeaders, data: { trainedOn: [dataset.id] } });
  expect(patched.ok(), await patched.text()).toBe(true);

  await signIn(page, credentials, `/p/demo/runs/${corrupted.id}`);
  const alarm = page.getByTestId("data-quality-alarm");
  await expect(alarm).toBeVisible();
  await expect(alarm.getByTestId("alarm-trained-on")).toContainText(`This run trained on ${dataset.name}`);
  await alarm.screenshot({ path: "test-results/screens/alarm-names-dataset.png" });
  await alarm.getByTestId("alarm-trained-on").getByRole("link", { name: dataset.name }).click();
  await page.waitForURL(new RegExp(`/p/demo/datasets/${dataset.id}`));
  const row = page.getByTestId("dataset-lineage").getByTestId("lineage-run").filter({ hasText: corrupted.name });
  await expect(row.getByTestId("lineage-trend")).toHaveAttribute("data-alarm", "true");
  await expect(row.getByTestId("lineage-trend")).toContainText("data-quality alarm");
  expect(await row.getByTestId("lineage-trend").getAttribute("data-class")).not.toBe("co-improvement");
  await page.getByTestId("dataset-lineage").screenshot({ path: "test-results/screens/dataset-lineage-alarm.png" });
});
