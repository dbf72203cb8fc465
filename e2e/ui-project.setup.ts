import fs from "node:fs";
import path from "node:path";

import { expect, test as setup } from "@playwright/test";

// The UI specs get a project of their own: a second copy of the demo, seeded into the embedded server
// through its seed route before any UI spec runs. The API specs keep adding runs to the first-start demo
// project; the pages the UI specs read are then exactly what the simulator wrote, with no filter.

type TJob = { id: string; status: string; log: string[]; result: { projectSlug: string } | null; error: string | null };

setup("seed the UI specs' own demo project", async ({ request }, testInfo) => {
  setup.setTimeout(300_000);
  const dataDir = String(testInfo.project.metadata.dataDir);
  const headers = { "x-unigap-admin-token": fs.readFileSync(path.join(dataDir, "admin-token"), "utf8").trim() };
  const started = await request.post("/api/internal/seed", { headers, data: { scenario: "demo" } });
  expect(started.status(), await started.text()).toBe(202);
  let job = (await started.json()) as TJob;
  await expect
    .poll(
      async () => {
        // The server seeds in its own process and its event loop stalls while it renders images: a
        // kept-alive socket it closed meanwhile answers ECONNRESET. That is "not yet", not a failure.
        try {
          job = (await (await request.get(`/api/internal/seed?job=${job.id}`, { headers })).json()) as TJob;
        } catch (error) {
          return `unreachable (${(error as Error).message.split("\n")[0]})`;
        }
        return job.status;
      },
      { timeout: 280_000, intervals: [1_000] },
    )
    .toMatch(/^(done|failed)$/);
  expect(job.error, job.log.join("\n")).toBeNull();
  fs.writeFileSync(path.join(dataDir, "ui-project.json"), JSON.stringify({ slug: job.result!.projectSlug }));
});
