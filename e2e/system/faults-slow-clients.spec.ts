import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";
import pg from "pg";

import { readCredentials } from "../support/fixtures";
import { ADMIN_URL, createFreshDatabase, dropDatabase } from "../support/fresh-database";
import { killServer, startServer, systemPort, waitForHealth, type TServer } from "../support/server-process";

// Slow and half-open clients (issue 17): 30 connections each send a metrics request's headers and a
// few bytes of its body, then stop. None of them holds a database connection meanwhile, the server
// answers everyone else at once, and each is answered 408 and closed once the request deadline
// (UNIGAP_REQUEST_TIMEOUT_MS, scripts/http-guard.cjs) passes — here 3 s instead of 120 s.
const port = systemPort("slowClients");
const database = `unigap_slow_clients_${port}`;
const TIMEOUT_MS = 3_000;
let server: TServer | null = null;
let dataDir = "";

test.afterAll(async () => {
  if (server) killServer(server, "SIGKILL");
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase(database);
});

type TStalled = { socket: net.Socket; answer: Promise<{ text: string; closedAfterMs: number }> };

function stalledRequest(route: string, apiKey: string): TStalled {
  const started = Date.now();
  const socket = net.connect(port, "127.0.0.1");
  let text = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk) => (text += chunk));
  socket.on("connect", () => {
    socket.write(
      `POST ${route} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${apiKey}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"points":[`,
    );
  });
  const answer = new Promise<{ text: string; closedAfterMs: number }>((resolve) =>
    socket.on("close", () => resolve({ text, closedAfterMs: Date.now() - started })),
  );
  socket.on("error", () => undefined);
  return { socket, answer };
}

test("[FAULTS]: a body that trickles or stops is timed out with 408, holds no database connection, and never blocks other clients", async () => {
  test.setTimeout(300_000);
  const url = await createFreshDatabase(database);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-slow-clients-"));
  server = startServer(port, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: url, UNIGAP_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) });
  try {
    expect(await waitForHealth(port).catch((error) => `${error.message}\n${server!.output()}`)).toMatchObject({ ok: true, database: "postgres" });
    const { apiKey } = readCredentials(dataDir);
    const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
    const run = (await (
      await fetch(`http://127.0.0.1:${port}/api/v1/runs`, { method: "POST", headers, body: JSON.stringify({ name: "slow clients" }) })
    ).json()) as { id: string };
    const route = `/api/v1/runs/${run.id}/metrics`;
    const connections = async () =>
      (
        await admin.query<{ state: string | null; n: number }>("SELECT state, count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 GROUP BY state", [
          database,
        ])
      ).rows;
    await new Promise((r) => setTimeout(r, 1_000)); // the demo's after-seed work settles
    const idleBefore = await connections();

    const stalled = Array.from({ length: 30 }, () => stalledRequest(route, apiKey));
    await new Promise((r) => setTimeout(r, 1_000));
    // While 30 bodies hang: no connection is busy or inside a transaction on their behalf …
    const during = await connections();
    expect(during.filter((r) => r.state === "active" || r.state?.startsWith("idle in transaction")).reduce((n, r) => n + r.n, 0)).toBe(0);
    expect(during.reduce((n, r) => n + r.n, 0)).toBeLessThanOrEqual(
      Math.max(
        12,
        idleBefore.reduce((n, r) => n + r.n, 0),
      ),
    );
    // … and another client's batch goes through at once.
    const started = Date.now();
    const ok = await fetch(`http://127.0.0.1:${port}${route}`, {
      method: "POST",
      headers,
      body: JSON.stringify({ points: [{ key: "loss", step: 0, value: 1 }] }),
    });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(await ok.json()).toMatchObject({ inserted: 1 });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);

    const answers = await Promise.all(stalled.map((s) => s.answer));
    for (const { text, closedAfterMs } of answers) {
      expect(text.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout");
      expect(closedAfterMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
      expect(closedAfterMs).toBeLessThan(TIMEOUT_MS + 10_000);
    }
    // Nothing of the stalled bodies was stored; the one complete batch was.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM metric_points WHERE run_id = $1", [run.id]);
    await db.end();
    expect(rows[0]!.n).toBe(1);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  } finally {
    await admin.end();
  }
});
