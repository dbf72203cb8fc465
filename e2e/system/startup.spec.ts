import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { readCredentials } from "../support/fixtures";
import { killServer, startServer, waitForHealth, systemPort, type TServer } from "../support/server-process";

// Faults of the foundation, with real `next start` processes on a private data folder.
const basePort = systemPort("startup"); // uses four ports from here
const servers: TServer[] = [];

test.afterAll(() => servers.forEach((s) => killServer(s, "SIGKILL")));

async function signInOverHttp(port: number, email: string, password: string) {
  const base = `http://127.0.0.1:${port}`;
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const cookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const sessionCookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const session = await fetch(`${base}/api/auth/session`, { headers: { cookie: `${cookie}; ${sessionCookie}` } });
  return (await session.json()) as { user?: { email?: string } };
}

test.describe.configure({ mode: "serial" });

test("[STARTUP]: a second server on the same embedded folder refuses; SIGKILL and restart keep every row and every acknowledged metric point", async () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-startup-"));
  const first = startServer(basePort, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "" });
  servers.push(first);
  expect(await waitForHealth(basePort)).toMatchObject({ ok: true, database: "embedded" });
  const credentials = readCredentials(dataDir);
  expect((await signInOverHttp(basePort, credentials.email, credentials.password)).user?.email).toBe(credentials.email);

  const second = startServer(basePort + 1, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "" });
  servers.push(second);
  expect(await second.exited).not.toBe(0);
  expect(second.output()).toContain("is in use by another unigap process");
  expect(await waitForHealth(basePort, 5_000)).toMatchObject({ ok: true });

  // Metric points acknowledged by the API before the kill must all be there after the restart.
  const api = (port: number, route: string, data: unknown) =>
    fetch(`http://127.0.0.1:${port}${route}`, {
      method: "POST",
      headers: { authorization: `Bearer ${credentials.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(data),
    });
  const run = (await (await api(basePort, "/api/v1/runs", { name: "survives SIGKILL", externalId: "sigkill" })).json()) as { id: string };
  const batches = [0, 1, 2].map((b) => ({ points: Array.from({ length: 1_000 }, (_, i) => ({ key: `k${i % 4}`, step: b * 1_000 + i, value: i / 7 })) }));
  for (const batch of batches) expect(await (await api(basePort, `/api/v1/runs/${run.id}/metrics`, batch)).json()).toMatchObject({ inserted: 1_000 });

  killServer(first, "SIGKILL");
  await first.exited;
  const restarted = startServer(basePort + 2, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "" });
  servers.push(restarted);
  expect(await waitForHealth(basePort + 2).catch((error) => `${error.message}\n${restarted.output()}`)).toMatchObject({
    ok: true,
    database: "embedded",
    migrations: expect.any(Number),
  });
  // Same account, same password: the demo was not seeded again, the committed rows survived.
  expect(readCredentials(dataDir)).toEqual(credentials);
  expect((await signInOverHttp(basePort + 2, credentials.email, credentials.password)).user?.email).toBe(credentials.email);
  for (const batch of batches) {
    expect(await (await api(basePort + 2, `/api/v1/runs/${run.id}/metrics`, batch)).json()).toEqual({ inserted: 0, unchanged: 1_000, updated: 0 });
  }
  killServer(restarted);
});

test("[STARTUP]: an unreachable DATABASE_URL stops the server with the host and the cause", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-startup-"));
  const server = startServer(basePort + 3, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "postgres://postgres@127.0.0.1:1/unigap" });
  servers.push(server);
  expect(await server.exited).not.toBe(0);
  expect(server.output()).toContain("Cannot connect to PostgreSQL at 127.0.0.1:1/unigap");
  expect(server.output()).toMatch(/ECONNREFUSED/);
});
