import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import type { APIRequestContext, TestInfo } from "@playwright/test";

import { expect, test } from "../support/fixtures";

// `npm run seed` against the running e2e servers: the embedded one holds its folder, so the CLI asks
// it to seed (admin token); the PostgreSQL one is reached directly. The `tiny` scenario is the demo's
// simulator and writer on every 40th prompt.

function seedEnv(testInfo: TestInfo): NodeJS.ProcessEnv {
  const dataDir = path.resolve(String(testInfo.project.metadata.dataDir));
  const env: NodeJS.ProcessEnv = { ...process.env, UNIGAP_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  if (testInfo.project.metadata.database === "postgres") {
    // scripts/e2e-server.mjs names the server's database after its port.
    const url = new URL(process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
    url.pathname = `/unigap_e2e_${new URL(String(testInfo.project.use.baseURL)).port}`;
    env.DATABASE_URL = url.toString();
  }
  return env;
}

async function signInApi(request: APIRequestContext, credentials: { email: string; password: string }) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: credentials.email, password: credentials.password, json: "true" },
  });
  expect(response.ok()).toBe(true);
}

test("[SEED]: npm run seed adds a scenario to the running instance, visible to the demo account", async ({ request, credentials }, testInfo) => {
  test.setTimeout(180_000);
  const result = spawnSync("npm", ["run", "--silent", "seed", "--", "tiny"], { env: seedEnv(testInfo), encoding: "utf8", timeout: 170_000 });
  expect(result.status, result.stderr + result.stdout).toBe(0);
  if (testInfo.project.metadata.database === "embedded") expect(result.stdout).toMatch(/in the server on port \d+/);
  const slug = /seeded tiny into project "([a-z0-9-]+)"/.exec(result.stdout)?.[1];
  expect(slug, result.stdout).toMatch(/^tiny(-\d+)?$/);

  await signInApi(request, credentials);
  const page = await request.get(`/p/${slug}`);
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain("Tiny demo");
  expect(html).toContain("SFT with corrupted labels");
});

test("[SEED]: the internal seed route refuses callers without the admin token", async ({ request }, testInfo) => {
  const token = fs.readFileSync(path.join(String(testInfo.project.metadata.dataDir), "admin-token"), "utf8").trim();
  const attempts: Record<string, string>[] = [{}, { "x-unigap-admin-token": "not-the-token" }, { authorization: `Bearer ${token}` }];
  for (const headers of attempts) {
    const response = await request.post("/api/internal/seed", { headers, data: { scenario: "tiny" } });
    expect(response.status(), JSON.stringify(headers)).toBe(401);
  }
  const unknownJob = await request.get("/api/internal/seed?job=00000000-0000-4000-8000-000000000000", { headers: { "x-unigap-admin-token": "nope" } });
  expect(unknownJob.status()).toBe(401);
  const unknownScenario = await request.post("/api/internal/seed", { headers: { "x-unigap-admin-token": token }, data: { scenario: "no-such-scenario" } });
  expect(unknownScenario.status()).toBe(422);
  expect((await unknownScenario.json()).error.message).toContain("many-samples");
});
