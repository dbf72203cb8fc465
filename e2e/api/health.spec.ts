import { expect, test } from "../support/fixtures";

test("[HEALTH]: reports the database kind and every applied migration", async ({ request }, testInfo) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toEqual({ ok: true, database: testInfo.project.metadata.database, migrations: expect.any(Number) });
  expect(body.migrations).toBeGreaterThanOrEqual(1);
});

test("[HEALTH]: the demo project and credentials exist after first start", async ({ credentials }) => {
  expect(credentials.projectSlug).toBe("demo");
  expect(credentials.apiKey).toMatch(/^ugk_/);
  expect(credentials.password.length).toBeGreaterThanOrEqual(12);
});
