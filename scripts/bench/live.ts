// npm run bench:live — what open pages of a running run cost the server: N viewers polling the
// "changed since v" question every 5 s, against N server-sent-event streams fed by one shared
// server-side check per run every 5 s (the best SSE design that still works with several server
// processes; an in-process event bus would not). The same service code answers both (auth by API key,
// getRunChanges / findRunActivity) on real PostgreSQL (its own database, created and dropped), with one
// metric batch ingested every 10 s. Prints server CPU, database transactions (pg_stat_database) and
// memory per minute for each mode. Viewers run in a child process (live-clients.ts).
//   --viewers N   --seconds N (measured per mode)   --interval-ms N
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { Command } from "commander";
import pg from "pg";

import { ZLogMetricsRequest } from "@/lib/api/contracts/metrics";
import { authenticateApiKey } from "@/lib/api-keys/service";
import { setDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { flushRollupRefreshes } from "@/lib/ingest/rollup-refresh";
import { logMetricPoints } from "@/lib/ingest/metric-service";
import { findRunActivity } from "@/lib/runs/live-repository";
import { getRunChanges } from "@/lib/runs/live-service";
import { createTestApiKey, createTestProject, createTestRun } from "@/prisma/factories";

import { withBenchDatabase } from "./bench-database";

const opts = new Command()
  .option("--viewers <n>", "open pages", "200")
  .option("--seconds <n>", "measured seconds per mode", "60")
  .option("--interval-ms <n>", "poll interval (and the SSE server's check interval)", "5000")
  .parse()
  .opts<{ viewers: string; seconds: string; intervalMs: string }>();
const viewers = Number(opts.viewers);
const seconds = Number(opts.seconds);
const intervalMs = Number(opts.intervalMs);
const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

type TFigures = {
  mode: string;
  cpuMsPerMin: number;
  xactPerMin: number;
  requestsPerMin: number;
  streams: number;
  changesSeen: number;
  rssMb: number;
  errors: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  await withBenchDatabase("postgres", "live", false, async (db) => {
    await applyMigrations(db.sql);
    setDb(db);
    const project = await createTestProject();
    const key = await createTestApiKey(project.id);
    const run = await createTestRun(project.id, { name: "live bench", status: "running" });
    const dbName = (await db.sql.query<{ name: string }>(`SELECT current_database() AS name`))[0]!.name;
    const stats = new pg.Client({ connectionString: ADMIN_URL });
    await stats.connect();
    const xacts = async () =>
      Number((await stats.query<{ n: string }>(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1`, [dbName])).rows[0]!.n);

    // SSE: one check per run and interval, whatever the number of streams; a comment every 25 s keeps proxies open.
    const streams = new Set<http.ServerResponse>();
    let streamVersion = "";
    const check = setInterval(async () => {
      if (streams.size === 0) return;
      const row = await findRunActivity(run.id);
      const version = row?.version ?? "0";
      if (version === streamVersion) return;
      streamVersion = version;
      const event = `data: ${JSON.stringify({ version, lastDataAt: row?.lastDataAt ?? null })}\n\n`;
      for (const res of streams) res.write(event);
    }, intervalMs);
    const ping = setInterval(() => streams.forEach((res) => res.write(": ping\n\n")), 25_000);

    let served = 0;
    const server = http.createServer((req, res) => {
      served++;
      void (async () => {
        try {
          const actor = await authenticateApiKey((req.headers.authorization ?? "").replace(/^Bearer /, ""));
          const since = new URL(req.url ?? "/", "http://x").searchParams.get("since") ?? undefined;
          const answer = await getRunChanges(actor, run.id, since || undefined);
          if (req.url?.startsWith("/sse")) {
            res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
            res.write(`data: ${JSON.stringify(answer)}\n\n`);
            streams.add(res);
            req.on("close", () => streams.delete(res));
            return;
          }
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
        } catch (error) {
          res.writeHead(500).end(String(error));
        }
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;

    const actor = await authenticateApiKey(key.secret);
    let step = 0;
    const ingest = setInterval(() => {
      const points = Array.from({ length: 100 }, () => ({ key: "train/loss", step: step++, value: 1 / step }));
      void logMetricPoints(actor, run.id, ZLogMetricsRequest.parse({ points }), false);
    }, 10_000);

    console.log(`server on port ${port}, run ${run.id}`);
    const figures: TFigures[] = [];
    // "none": no viewer at all, the cost of the ingestion alone, to subtract from the other two.
    for (const mode of ["none", "poll", "sse"] as const) {
      const clients: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/bench/live-clients.ts")], {
        env: {
          ...process.env,
          BENCH_MODE: mode,
          BENCH_URL: `http://127.0.0.1:${port}`,
          BENCH_VIEWERS: String(mode === "none" ? 0 : viewers),
          BENCH_INTERVAL_MS: String(intervalMs),
          BENCH_KEY: key.secret,
        },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let output = "";
      clients.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      console.log(`${mode}: ${mode === "none" ? 0 : viewers} viewers, measuring ${seconds} s`);
      await sleep(intervalMs + 3000); // every viewer connected / polling
      const served0 = served;
      const cpu0 = process.cpuUsage();
      const x0 = await xacts();
      const t0 = performance.now();
      await sleep(seconds * 1000);
      const cpu = process.cpuUsage(cpu0);
      const x1 = await xacts();
      const minutes = (performance.now() - t0) / 60_000;
      const open = streams.size;
      const rssMb = process.memoryUsage().rss / 2 ** 20;
      if (clients.exitCode === null) {
        const exited = new Promise((resolve) => clients.once("exit", resolve));
        clients.kill("SIGTERM");
        await exited;
      }
      const counts = JSON.parse(output.trim().split("\n").at(-1) || "{}") as { requests?: number; changes?: number; errors?: number };
      figures.push({
        mode,
        cpuMsPerMin: (cpu.user + cpu.system) / 1000 / minutes,
        // Minus this bench's own stats query and the ingest batches (the same in both modes).
        xactPerMin: (x1 - x0 - 1) / minutes,
        requestsPerMin: (served - served0) / minutes,
        streams: open,
        changesSeen: counts.changes ?? 0,
        rssMb,
        errors: counts.errors ?? 0,
      });
      await sleep(1000);
    }
    clearInterval(ingest);
    clearInterval(check);
    clearInterval(ping);
    streams.forEach((res) => res.end());
    server.close();
    await flushRollupRefreshes();
    await stats.end();
    setDb(undefined);

    console.log(`\n${viewers} viewers of one running run, ${seconds} s per mode, checks every ${intervalMs} ms, one 100-point metric batch every 10 s`);
    const none = figures[0]!;
    console.log("mode  server CPU ms/min  (over none)  db xact/min  (over none)  requests/min  open streams  changes seen  server RSS MB  errors");
    for (const f of figures) {
      const cells = [
        f.mode.padEnd(4),
        f.cpuMsPerMin.toFixed(0).padStart(17),
        (f.cpuMsPerMin - none.cpuMsPerMin).toFixed(0).padStart(11),
        f.xactPerMin.toFixed(0).padStart(11),
        (f.xactPerMin - none.xactPerMin).toFixed(0).padStart(11),
        f.requestsPerMin.toFixed(0).padStart(12),
        String(f.streams).padStart(12),
        String(f.changesSeen).padStart(12),
        f.rssMb.toFixed(0).padStart(13),
        String(f.errors).padStart(6),
      ];
      console.log(cells.join("  "));
    }
    console.log("changes seen: version changes the viewers were told of (each would make its page call router.refresh()).");
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
