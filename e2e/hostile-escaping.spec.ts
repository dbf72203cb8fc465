import type { Page } from "@playwright/test";

import { expect, signIn, test } from "./support/fixtures";
import { createRun } from "./support/ingest";

// Hostile text is stored verbatim and shown as text (issue 17): markup and script in a run's name,
// notes and tags, a prompt, a judge's response and reason appear literally on the run page, the
// explorer and the sample page, and none of it runs or becomes an element.
const PAYLOAD = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>`;

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
}

test("[HOSTILE]: markup and script in run, prompt and judgment text show escaped on the run page, the explorer and the sample page", async ({
  page,
  request,
  apiHeaders,
  credentials,
  uniqueName,
}) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const name = `${uniqueName("xss")} ${PAYLOAD}`;
  const run = await createRun(request, apiHeaders, name, { notes: `notes ${PAYLOAD}`, tags: ["<b>bold</b>"], method: "sft" });
  const promptText = `a red cube ${PAYLOAD}`;
  const logged = await request.post(`/api/v1/runs/${run.id}/samples`, {
    headers: apiHeaders,
    data: {
      samples: [
        {
          step: 10,
          candidate: 0,
          prompt: { externalId: `${run.id}/xss`, text: promptText, benchmark: "geneval", subtask: "color_attr" },
          judgments: [
            { kind: "self", verdict: 1, response: `yes ${PAYLOAD}` },
            { kind: "external", judge: "geneval", verdict: 0, reason: `no ${PAYLOAD}` },
          ],
        },
      ],
    },
  });
  expect(logged.status(), await logged.text()).toBe(200);
  const [sampleId] = ((await logged.json()) as { sampleIds: string[] }).sampleIds;
  const slug = credentials.projectSlug;

  await signIn(page, credentials, `/p/${slug}/runs/${run.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(PAYLOAD);
  await expect(page.getByText(`notes ${PAYLOAD}`)).toBeVisible();
  await expect(page.getByText("<b>bold</b>").first()).toBeVisible();
  await expectInert(page);

  await page.goto(`/p/${slug}/samples?run=${run.id}&step=10`);
  await expect(page.getByText(promptText).first()).toBeVisible();
  await expectInert(page);

  await page.goto(`/p/${slug}/samples/${sampleId}`);
  await expect(page.getByText(promptText).first()).toBeVisible();
  await expect(page.getByText(`yes ${PAYLOAD}`).first()).toBeVisible();
  await expect(page.getByText(`no ${PAYLOAD}`).first()).toBeVisible();
  await expectInert(page);
  expect(dialogs).toEqual([]);
});
