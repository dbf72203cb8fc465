// npm run bench:ingest — ingestion throughput through the HTTP API against a raw COPY of the same
// rows into the same database, on PostgreSQL and on the embedded database, plus samples with two
// judgments per second and the server's peak memory. Starts its own production servers on ports
// 4272/4273 (override with BENCH_PORT), data in .bench/. Options: --points N, --only postgres|embedded.
import fs from "node:fs";
import path from "node:path";

import { copyIntoPglite, copyIntoPostgres, copyText } from "./bench-copy";
import { ensureBuild, serverPeakMemoryMb, startBenchServer, stopBenchServer, type TBenchServer } from "./bench-server";

const CLIENTS = 4;
const BATCH = 10_000;
const SAMPLE_BATCH = 2_000;
const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const TOTAL_POINTS = Number(arg("--points") ?? 1_000_000);
const SAMPLES_PER_CLIENT = Number(arg("--samples") ?? 10_000);
const kinds = (arg("--only") ? [arg("--only")] : ["postgres", "embedded"]) as ("postgres" | "embedded")[];
const basePort = Number(process.env.BENCH_PORT ?? 4272);
const WALL_TIME = 1_764_000_000;

type TRow = { key: string; step: number; value: number };

function clientRows(client: number): TRow[] {
  const n = TOTAL_POINTS / CLIENTS;
  return Array.from({ length: n }, (_, i) => ({ key: `bench/k${i % 10}`, step: Math.floor(i / 10), value: Math.sin(i + client) }));
}

async function api(server: TBenchServer, method: string, route: string, body?: string): Promise<unknown> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

async function createRuns(server: TBenchServer, prefix: string): Promise<string[]> {
  const runs = [];
  for (let c = 0; c < CLIENTS; c++) runs.push(((await api(server, "POST", "/api/v1/runs", JSON.stringify({ name: `${prefix}-${c}` }))) as { id: string }).id);
  return runs;
}

/** Runs each client's requests in order, the clients concurrently; returns seconds. */
async function timed(perClient: (() => Promise<unknown>)[][]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    perClient.map(async (requests) => {
      for (const request of requests) await request();
    }),
  );
  return (performance.now() - started) / 1000;
}

async function benchMetrics(server: TBenchServer, rows: TRow[][]): Promise<number> {
  const runs = await createRuns(server, "bench-metrics");
  // Bodies are serialised before the clock starts: the benchmark measures the server, not JSON.stringify here.
  const bodies = rows.map((client) => {
    const out: string[] = [];
    for (let i = 0; i < client.length; i += BATCH) out.push(JSON.stringify({ points: client.slice(i, i + BATCH).map((p) => ({ ...p, wallTime: WALL_TIME })) }));
    return out;
  });
  return timed(bodies.map((batches, c) => batches.map((body) => () => api(server, "POST", `/api/v1/runs/${runs[c]}/metrics`, body))));
}

async function benchSamples(server: TBenchServer): Promise<{ seconds: number; samples: number }> {
  const prompts = Array.from({ length: 1_000 }, (_, i) => ({
    externalId: `bench/p${i}`,
    text: `a photo of object ${i}`,
    benchmark: "bench",
    subtask: `t${i % 6}`,
  }));
  await api(server, "POST", "/api/v1/prompts", JSON.stringify({ prompts }));
  const runs = await createRuns(server, "bench-samples");
  const bodies = runs.map(() => {
    const out: string[] = [];
    for (let start = 0; start < SAMPLES_PER_CLIENT; start += SAMPLE_BATCH) {
      const samples = Array.from({ length: Math.min(SAMPLE_BATCH, SAMPLES_PER_CLIENT - start) }, (_, k) => {
        const i = start + k;
        return {
          step: Math.floor(i / 1_000) * 100,
          prompt: `bench/p${i % 1_000}`,
          candidate: 0,
          judgments: [
            { kind: "self", verdict: i % 3 ? 1 : 0, prob: 0.7 },
            { kind: "external", judge: "geneval", verdict: i % 2 },
          ],
        };
      });
      out.push(JSON.stringify({ samples }));
    }
    return out;
  });
  const seconds = await timed(bodies.map((batches, c) => batches.map((body) => () => api(server, "POST", `/api/v1/runs/${runs[c]}/samples`, body))));
  return { seconds, samples: SAMPLES_PER_CLIENT * CLIENTS };
}

async function benchKind(kind: "postgres" | "embedded", port: number) {
  console.log(`\n[${kind}] starting a production server on :${port}…`);
  const server = await startBenchServer(kind, port);
  const idleMb = serverPeakMemoryMb(server);
  const rows = Array.from({ length: CLIENTS }, (_, c) => clientRows(c));
  const apiSeconds = await benchMetrics(server, rows);
  const peakMb = serverPeakMemoryMb(server);
  console.log(
    `[${kind}] API: ${TOTAL_POINTS.toLocaleString("en")} points in ${apiSeconds.toFixed(1)} s; server peak ${peakMb.toFixed(0)} MB (${idleMb.toFixed(0)} MB after start)`,
  );
  const samples = await benchSamples(server);
  console.log(`[${kind}] samples: ${samples.samples.toLocaleString("en")} with 2 judgments each in ${samples.seconds.toFixed(1)} s`);
  const copyRuns = await createRuns(server, "bench-copy");
  const chunks = rows.flatMap((client, c) => copyText(copyRuns[c]!, client, new Date(WALL_TIME * 1000).toISOString()));
  let copySeconds: number;
  if (kind === "postgres") {
    copySeconds = await copyIntoPostgres(server.databaseUrl!, chunks);
    await stopBenchServer(server);
  } else {
    await stopBenchServer(server); // PGlite is one process: the server lets go of the folder first
    copySeconds = await copyIntoPglite(path.join(server.dataDir, "pgdata"), chunks);
  }
  console.log(`[${kind}] raw COPY: ${TOTAL_POINTS.toLocaleString("en")} rows in ${copySeconds.toFixed(1)} s`);
  const apiRate = TOTAL_POINTS / apiSeconds;
  const copyRate = TOTAL_POINTS / copySeconds;
  return {
    kind,
    points: TOTAL_POINTS,
    apiPointsPerSecond: Math.round(apiRate),
    copyPointsPerSecond: Math.round(copyRate),
    apiShareOfCopy: Number((apiRate / copyRate).toFixed(2)),
    samplesPerSecond: Math.round(samples.samples / samples.seconds),
    peakServerMemoryMb: Math.round(peakMb),
    serverMemoryAfterStartMb: Math.round(idleMb),
  };
}

async function main() {
  ensureBuild();
  const results = [];
  for (const [i, kind] of kinds.entries()) results.push(await benchKind(kind, basePort + i));
  console.log("\n| database | API points/s (4 clients × 10k) | raw COPY rows/s | API / COPY | samples/s (2 judgments) | server peak MB |");
  console.log("|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.kind} | ${r.apiPointsPerSecond.toLocaleString("en")} | ${r.copyPointsPerSecond.toLocaleString("en")} | ${(r.apiShareOfCopy * 100).toFixed(0)}% | ${r.samplesPerSecond.toLocaleString("en")} | ${r.peakServerMemoryMb} |`,
    );
  }
  fs.mkdirSync(".bench", { recursive: true });
  fs.writeFileSync(".bench/ingest-report.json", JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  const pgResult = results.find((r) => r.kind === "postgres");
  if (pgResult)
    console.log(
      `\ntarget (PostgreSQL): API ≥ 70% of COPY → ${pgResult.apiShareOfCopy >= 0.7 ? "met" : "NOT met"}; memory < 500 MB → ${pgResult.peakServerMemoryMb < 500 ? "met" : "NOT met"}`,
    );
  const embedded = results.find((r) => r.kind === "embedded");
  if (embedded) console.log(`target (embedded): API ≥ 60% of COPY → ${embedded.apiShareOfCopy >= 0.6 ? "met" : "NOT met"}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
