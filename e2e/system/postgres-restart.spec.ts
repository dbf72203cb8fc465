import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";
import pg from "pg";

import { readCredentials } from "../support/fixtures";
import { killServer, startServer, systemPort, waitForHealth, type TServer } from "../support/server-process";
import { createThrowawayPostgres, type TThrowawayPostgres } from "../support/throwaway-postgres";

// PostgreSQL restarted under a running server: requests during the outage get 503 with Retry-After
// (not 500), the pool reconnects by itself, and re-sending what failed stores it exactly once.
const appPort = systemPort("postgresRestart");
const pgPort = appPort + 1_000;
let cluster: TThrowawayPostgres | null = null;
let server: TServer | null = null;

test.afterAll(() => {
  if (server) killServer(server, "SIGKILL");
  cluster?.remove();
});

test("[FAULTS]: PostgreSQL restarted mid-ingest — 503 with Retry-After during the outage, reconnects by itself, nothing lost or doubled", async () => {
  test.setTimeout(300_000);
  cluster = createThrowawayPostgres(pgPort);
  cluster.start();
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE unigap");
  await admin.end();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-pgrestart-"));
  server = startServer(appPort, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: cluster.url("unigap") });
  expect(await waitForHealth(appPort).catch((error) => `${error.message}\n${server!.output()}`)).toMatchObject({ ok: true, database: "postgres" });
  const { apiKey } = readCredentials(dataDir);
  const api = (route: string, data: unknown) =>
    fetch(`http://127.0.0.1:${appPort}${route}`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(data),
    });
  const run = (await (await api("/api/v1/runs", { name: "survives a PostgreSQL restart", externalId: "pg-restart" })).json()) as { id: string };
  const batch = (b: number) => ({ points: Array.from({ length: 500 }, (_, i) => ({ key: "loss", step: b * 500 + i, value: i / 3 })) });
  expect(await (await api(`/api/v1/runs/${run.id}/metrics`, batch(0))).json()).toMatchObject({ inserted: 500 });

  cluster.stop();
  const during = await api(`/api/v1/runs/${run.id}/metrics`, batch(1));
  expect(during.status, await during.clone().text()).toBe(503);
  expect(Number(during.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await during.json()).error.code).toBe("UNAVAILABLE");

  cluster.start();
  // The pool drops its dead connections and opens new ones: the first retries may still meet one.
  let after: Response | null = null;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    after = await api(`/api/v1/runs/${run.id}/metrics`, batch(1));
    if (after.status !== 503) break;
    await new Promise((resolve) => setTimeout(resolve, Number(after!.headers.get("retry-after") ?? 1) * 500));
  }
  expect(after!.status, await after!.clone().text()).toBe(200);
  expect(await after!.json()).toMatchObject({ inserted: 500 });
  // Retries of both batches add nothing twice.
  expect(await (await api(`/api/v1/runs/${run.id}/metrics`, batch(0))).json()).toMatchObject({ inserted: 0, unchanged: 500 });
  expect(await (await api(`/api/v1/runs/${run.id}/metrics`, batch(1))).json()).toMatchObject({ inserted: 0, unchanged: 500 });
  const check = new pg.Client({ connectionString: cluster.url("unigap") });
  await check.connect();
  const { rows } = await check.query<{ n: string }>("SELECT count(*)::text AS n FROM metric_points WHERE run_id = $1", [run.id]);
  await check.end();
  expect(rows[0]!.n).toBe("1000");
});
