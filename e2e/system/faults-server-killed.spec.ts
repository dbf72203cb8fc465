import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { expect, test } from "@playwright/test";
import pg from "pg";

import { readCredentials } from "../support/fixtures";
import { createFreshDatabase, dropDatabase } from "../support/fresh-database";
import { killServer, startServer, systemPort, waitForHealth, type TServer } from "../support/server-process";

// The server killed with SIGKILL (every process, as an OOM killer or a supervisor would) while 8
// clients send metric and sample batches (issue 17). Read from the database itself before the
// restart: every acknowledged batch is stored whole and no batch is stored in part. After the
// restart the clients re-send everything they sent, acknowledged or not: what was missing arrives,
// nothing arrives twice. On PostgreSQL and on the embedded database (PGlite replays its WAL).
const CLIENTS = 8;
const POINTS = 200;
const SAMPLES = 20;

type TBatch = { client: number; index: number; kind: "metrics" | "samples"; body: unknown; acked: boolean };
type TCounts = { metrics: Map<string, number>; samples: Map<string, number>; judgments: Map<string, number> };

function batchBody(kind: TBatch["kind"], client: number, index: number) {
  if (kind === "metrics")
    return { points: Array.from({ length: POINTS }, (_, i) => ({ key: "loss", step: index * POINTS + i, value: (index * POINTS + i) / 7 })) };
  return {
    samples: Array.from({ length: SAMPLES }, (_, candidate) => ({
      step: index,
      candidate,
      prompt: { externalId: `killed/${client}/p`, text: `prompt of client ${client}`, benchmark: "geneval", subtask: "counting" },
      judgments: [{ kind: "self", verdict: candidate % 2, prob: 0.5 + candidate / 100 }],
    })),
  };
}

const COUNT_SQL = {
  metrics: "SELECT run_id::text || '/' || (step / 200)::text AS k, count(*)::int AS n FROM metric_points GROUP BY 1",
  samples: "SELECT run_id::text || '/' || step::text AS k, count(*)::int AS n FROM samples GROUP BY 1",
  judgments: "SELECT s.run_id::text || '/' || s.step::text AS k, count(*)::int AS n FROM judgments j JOIN samples s ON s.id = j.sample_id GROUP BY 1",
} as const;

async function readCounts(query: (sql: string) => Promise<{ k: string; n: number }[]>): Promise<TCounts> {
  const out = {} as TCounts;
  for (const [name, sql] of Object.entries(COUNT_SQL)) out[name as keyof TCounts] = new Map((await query(sql)).map((r) => [r.k, Number(r.n)]));
  return out;
}

function expectWholeOrAbsent(batches: TBatch[], runIds: string[], counts: TCounts) {
  const partial: string[] = [];
  const lostAcked: string[] = [];
  for (const batch of batches) {
    const key = `${runIds[batch.client]}/${batch.index}`;
    const full = batch.kind === "metrics" ? POINTS : SAMPLES;
    const stored = batch.kind === "metrics" ? (counts.metrics.get(key) ?? 0) : (counts.samples.get(key) ?? 0);
    if (stored !== 0 && stored !== full) partial.push(`${batch.kind} ${key}: ${stored} of ${full}`);
    if (batch.kind === "samples" && (counts.judgments.get(key) ?? 0) !== stored)
      partial.push(`judgments ${key}: ${counts.judgments.get(key) ?? 0} for ${stored} samples`);
    if (batch.acked && stored !== full) lostAcked.push(`${batch.kind} ${key}`);
  }
  expect(partial, "no batch is stored in part").toEqual([]);
  expect(lostAcked, "every acknowledged batch is stored").toEqual([]);
}

for (const database of ["embedded", "postgres"] as const) {
  test.describe(`on ${database}`, () => {
    const port = systemPort("serverKilled") + (database === "postgres" ? 1 : 0);
    const dbName = `unigap_killed_${port}`;
    let server: TServer | null = null;
    let dataDir = "";

    test.afterAll(async () => {
      if (server) killServer(server, "SIGKILL");
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (database === "postgres") await dropDatabase(dbName);
    });

    test(`[FAULTS]: SIGKILL of the server under ${CLIENTS} writing clients (${database}) — acknowledged batches whole, none partial, re-sends add nothing twice`, async () => {
      test.setTimeout(300_000);
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `unigap-killed-${database}-`));
      const env: Record<string, string> = { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "" };
      const dbUrl = database === "postgres" ? (env.DATABASE_URL = await createFreshDatabase(dbName)) : "";
      server = startServer(port, env);
      expect(await waitForHealth(port).catch((error) => `${error.message}\n${server!.output()}`)).toMatchObject({ ok: true, database });
      const { apiKey } = readCredentials(dataDir);
      const post = (route: string, data: unknown) =>
        fetch(`http://127.0.0.1:${port}${route}`, {
          method: "POST",
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
          body: JSON.stringify(data),
        });
      const runIds: string[] = [];
      for (let client = 0; client < CLIENTS; client += 1) {
        const response = await post("/api/v1/runs", { name: `killed ${database} ${client}`, externalId: `killed-${database}-${client}` });
        runIds.push(((await response.json()) as { id: string }).id);
      }

      // 8 clients send alternating metric and sample batches until the server dies under them.
      const batches: TBatch[] = [];
      let killed = false;
      const send = async (batch: TBatch) => {
        const route = `/api/v1/runs/${runIds[batch.client]}/${batch.kind}`;
        try {
          const response = await post(route, batch.body);
          if (response.status === 200) batch.acked = true;
          else if (response.status < 500) throw new Error(`${route}: unexpected ${response.status} ${await response.text()}`);
        } catch (error) {
          if (!killed) throw error;
        }
      };
      const clients = runIds.map(async (_, client) => {
        for (let index = 0; !killed; index += 1) {
          const batch: TBatch = {
            client,
            index,
            kind: index % 2 === 0 ? "metrics" : "samples",
            body: batchBody(index % 2 === 0 ? "metrics" : "samples", client, index),
            acked: false,
          };
          batches.push(batch);
          await send(batch);
        }
      });
      const deadline = Date.now() + 60_000;
      while (batches.filter((b) => b.acked).length < 4 * CLIENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300)); // mid-stream: batches are in flight now
      killed = true;
      killServer(server, "SIGKILL");
      await server.exited;
      await Promise.all(clients);
      const acked = batches.filter((b) => b.acked).length;
      expect(acked).toBeGreaterThanOrEqual(4 * CLIENTS);
      expect(batches.length - acked, "some batches were in flight at the kill").toBeGreaterThan(0);

      // The database as the kill left it.
      let counts: TCounts;
      if (database === "postgres") {
        const db = new pg.Client({ connectionString: dbUrl });
        await db.connect();
        counts = await readCounts(async (sql) => (await db.query<{ k: string; n: number }>(sql)).rows);
        await db.end();
      } else {
        const db = await PGlite.create(path.join(dataDir, "pgdata"), { extensions: { pg_trgm } });
        counts = await readCounts(async (sql) => (await db.query<{ k: string; n: number }>(sql)).rows);
        await db.close();
      }
      expectWholeOrAbsent(batches, runIds, counts);

      // Restarted, the clients re-send every batch they sent: the missing ones arrive, nothing twice.
      server = startServer(port, env);
      expect(await waitForHealth(port).catch((error) => `${error.message}\n${server!.output()}`)).toMatchObject({ ok: true, database });
      const resend = async () => {
        const inserted = { metrics: 0, samples: 0 };
        for (const batch of batches) {
          const response = await post(`/api/v1/runs/${runIds[batch.client]}/${batch.kind}`, batch.body);
          expect(response.status, await response.clone().text()).toBe(200);
          const body = (await response.json()) as { inserted?: number; samples?: { inserted: number } };
          inserted[batch.kind] += batch.kind === "metrics" ? body.inserted! : body.samples!.inserted;
        }
        return inserted;
      };
      const missing = batches.filter((b) => {
        const key = `${runIds[b.client]}/${b.index}`;
        return ((b.kind === "metrics" ? counts.metrics : counts.samples).get(key) ?? 0) === 0;
      });
      expect(await resend()).toEqual({
        metrics: missing.filter((b) => b.kind === "metrics").length * POINTS,
        samples: missing.filter((b) => b.kind === "samples").length * SAMPLES,
      });
      expect(await resend()).toEqual({ metrics: 0, samples: 0 });
    });
  });
}
