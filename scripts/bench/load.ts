// npm run bench:load — 50 writers and 20 readers on loopback against a production server, on
// PostgreSQL and on the embedded database (issue 17; issue 15's target 5 reads the same figures).
//
// Writers own a run each and send metric batches, sample batches with two judgments per sample, and
// now and then an image with its sample. Readers list runs, read summaries, chart series, explorer
// pages (signed in) and images. First the writers run alone (the baseline of this same run), then
// with the readers. Printed per database: errors, p50 / p99 per route, write throughput with and
// without readers, the server's peak memory, PostgreSQL connections, and the check that every
// acknowledged write is stored exactly once — counted in the database itself at the end.
//
// Options: --seconds N (with readers, default 60), --baseline-seconds N (default 20), --writers N,
// --readers N, --only postgres|embedded. Ports 4290/4291 (BENCH_PORT). Data in .bench/.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import sharp from "sharp";

import { ensureBuild, serverPeakMemoryMb, startBenchServer, stopBenchServer, type TBenchServer } from "./bench-server";

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SECONDS = Number(arg("--seconds") ?? 60);
const BASELINE_SECONDS = Number(arg("--baseline-seconds") ?? 20);
const WRITERS = Number(arg("--writers") ?? 50);
const READERS = Number(arg("--readers") ?? 20);
const kinds = (arg("--only") ? [arg("--only")] : ["postgres", "embedded"]) as ("postgres" | "embedded")[];
const basePort = Number(process.env.BENCH_PORT ?? 4290);
const POINTS = 500;
const SAMPLES = 20;

type TLatencies = Map<string, number[]>;
type TWritten = { points: number; samples: number; judgments: number; images: number; batches: number };

function record(latencies: TLatencies, route: string, ms: number) {
  const list = latencies.get(route) ?? [];
  list.push(ms);
  latencies.set(route, list);
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

class Client {
  errors: string[] = [];
  constructor(
    private readonly server: TBenchServer,
    private readonly latencies: TLatencies,
    private readonly cookie = "",
  ) {}

  async call(route: string, label: string, init: RequestInit = {}): Promise<Response | null> {
    const started = performance.now();
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${this.server.apiKey}`, ...(init.headers as Record<string, string>) };
      if (this.cookie) {
        delete headers.authorization;
        headers.cookie = this.cookie;
      }
      const response = await fetch(`${this.server.url}${route}`, { ...init, headers });
      await response.clone().arrayBuffer();
      record(this.latencies, label, performance.now() - started);
      if (!response.ok) {
        this.errors.push(`${label}: ${response.status} ${(await response.text()).slice(0, 120)}`);
        return null;
      }
      return response;
    } catch (error) {
      this.errors.push(`${label}: ${(error as Error).message}`);
      return null;
    }
  }
}

async function png(seed: string): Promise<{ bytes: Buffer; sha256: string }> {
  const d = createHash("sha256").update(seed).digest();
  const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: d[0]!, g: d[1]!, b: d[2]! } } })
    .png()
    .toBuffer();
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

async function writer(client: Client, runId: string, index: number, until: () => boolean, written: TWritten) {
  const json = { "content-type": "application/json" };
  for (let batch = 0; !until(); batch += 1) {
    if (batch % 2 === 0) {
      const points = Array.from({ length: POINTS }, (_, i) => ({ key: `load/k${i % 5}`, step: batch * POINTS + i, value: Math.sin(batch + i) }));
      if (await client.call(`/api/v1/runs/${runId}/metrics`, "POST metrics", { method: "POST", headers: json, body: JSON.stringify({ points }) })) {
        written.points += POINTS;
        written.batches += 1;
      }
      continue;
    }
    let imageSha256: string | undefined;
    if (batch % 10 === 1) {
      const image = await png(`load/${runId}/${batch}`);
      const put = await client.call(`/api/v1/blobs/${image.sha256}`, "PUT image", {
        method: "PUT",
        headers: { "content-type": "application/octet-stream" },
        body: new Uint8Array(image.bytes),
      });
      if (put) {
        imageSha256 = image.sha256;
        written.images += 1;
      }
    }
    const samples = Array.from({ length: SAMPLES }, (_, candidate) => ({
      step: batch,
      candidate,
      imageSha256: candidate === 0 ? imageSha256 : undefined,
      prompt: {
        externalId: `load/w${index}/p${candidate % 4}`,
        text: `load prompt ${candidate % 4}`,
        benchmark: "geneval",
        subtask: candidate % 2 ? "counting" : "color_attr",
      },
      judgments: [
        { kind: "self", verdict: (batch + candidate) % 2, prob: 0.5 },
        { kind: "external", judge: "geneval", verdict: candidate % 2 },
      ],
    }));
    if (await client.call(`/api/v1/runs/${runId}/samples`, "POST samples", { method: "POST", headers: json, body: JSON.stringify({ samples }) })) {
      written.samples += SAMPLES;
      written.judgments += 2 * SAMPLES;
      written.batches += 1;
    }
  }
}

async function reader(client: Client, browser: Client, slug: string, demoRuns: string[], sampleIds: string[], until: () => boolean) {
  for (let i = 0; !until(); i += 1) {
    const run = demoRuns[i % demoRuns.length]!;
    switch (i % 6) {
      case 0:
        await client.call("/api/v1/runs?limit=50", "GET runs");
        break;
      case 1:
        await client.call(`/api/v1/runs/${run}/summary`, "GET summary");
        break;
      case 2:
        await client.call(`/api/series/buckets?runs=${run}&key=train/loss`, "GET series");
        break;
      case 3:
        await browser.call(`/p/${slug}/samples?run=${run}`, "GET explorer page");
        break;
      case 4:
        await client.call(`/api/samples/${sampleIds[i % sampleIds.length]}/image`, "GET image");
        break;
      default:
        await client.call(`/api/samples/${sampleIds[i % sampleIds.length]}/thumbnail?size=128`, "GET thumbnail");
    }
  }
}

/** A signed-in browser session's cookie, through next-auth's credentials flow. */
async function signInCookie(server: TBenchServer, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  jar.push(...signIn.headers.getSetCookie().map((c) => c.split(";")[0]!));
  return jar.join("; ");
}

async function countStored(server: TBenchServer, kind: "postgres" | "embedded", runIds: string[]) {
  const sql = `SELECT r.id::text AS id,
      (SELECT count(*) FROM metric_points m WHERE m.run_id = r.id)::int AS points,
      (SELECT count(*) FROM samples s WHERE s.run_id = r.id)::int AS samples,
      (SELECT count(*) FROM judgments j JOIN samples s ON s.id = j.sample_id WHERE s.run_id = r.id)::int AS judgments
    FROM runs r WHERE r.id = ANY($1::uuid[])`;
  type TRow = { id: string; points: number; samples: number; judgments: number };
  if (kind === "postgres") {
    const db = new pg.Client({ connectionString: server.databaseUrl });
    await db.connect();
    const rows = (await db.query<TRow>(sql, [runIds])).rows;
    await db.end();
    return rows;
  }
  const db = await PGlite.create(path.join(server.dataDir, "pgdata"), { extensions: { pg_trgm } });
  const rows = (await db.query<TRow>(sql, [runIds])).rows;
  await db.close();
  return rows;
}

async function phase(server: TBenchServer, runIds: string[], seconds: number, readers: () => Promise<void>[], latencies: TLatencies) {
  const written = runIds.map(() => ({ points: 0, samples: 0, judgments: 0, images: 0, batches: 0 }));
  const clients = runIds.map(() => new Client(server, latencies));
  const end = Date.now() + seconds * 1000;
  const until = () => Date.now() > end;
  const started = performance.now();
  await Promise.all([...runIds.map((runId, i) => writer(clients[i]!, runId, i, until, written[i]!)), ...readers()]);
  const elapsed = (performance.now() - started) / 1000;
  return { written, errors: clients.flatMap((c) => c.errors), elapsed };
}

async function benchKind(kind: "postgres" | "embedded", port: number) {
  console.log(`\n== ${kind}: starting a server (first start seeds the demo)…`);
  const server = await startBenchServer(kind, port, { UNIGAP_API_RATE_LIMIT: "1000000/100000" });
  const credentials = JSON.parse(fs.readFileSync(path.join(server.dataDir, "demo-credentials.json"), "utf8")) as {
    email: string;
    password: string;
    projectSlug: string;
  };
  const headers = { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" };
  const demoRuns = ((await (await fetch(`${server.url}/api/v1/runs?limit=20`, { headers })).json()) as { runs: { id: string }[] }).runs.map((r) => r.id);
  // Images for the readers: 20 of them with their samples, in a run of their own.
  const gallery = (
    (await (await fetch(`${server.url}/api/v1/runs`, { method: "POST", headers, body: JSON.stringify({ name: "load-gallery" }) })).json()) as { id: string }
  ).id;
  const images = await Promise.all(Array.from({ length: 20 }, (_, i) => png(`load/gallery/${i}`)));
  for (const image of images)
    await fetch(`${server.url}/api/v1/blobs/${image.sha256}`, {
      method: "PUT",
      headers: { ...headers, "content-type": "application/octet-stream" },
      body: new Uint8Array(image.bytes),
    });
  const logged = await fetch(`${server.url}/api/v1/runs/${gallery}/samples`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      samples: images.map((image, i) => ({
        step: 0,
        candidate: i,
        imageSha256: image.sha256,
        prompt: { externalId: "load/gallery", text: "a gallery prompt" },
      })),
    }),
  });
  const sampleIds = ((await logged.json()) as { sampleIds: string[] }).sampleIds;
  const createRuns = async (prefix: string) => {
    const ids: string[] = [];
    for (let w = 0; w < WRITERS; w++)
      ids.push(
        (
          (await (await fetch(`${server.url}/api/v1/runs`, { method: "POST", headers, body: JSON.stringify({ name: `${prefix}-${w}` }) })).json()) as {
            id: string;
          }
        ).id,
      );
    return ids;
  };

  let maxConnections = 0;
  const admin = kind === "postgres" ? new pg.Client({ connectionString: server.databaseUrl }) : null;
  await admin?.connect();
  const sampler = setInterval(() => {
    void admin
      ?.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
      .then((r) => {
        maxConnections = Math.max(maxConnections, r.rows[0]!.n);
      });
  }, 1000);

  const baselineLatencies: TLatencies = new Map();
  const baselineRuns = await createRuns("load-baseline");
  const baseline = await phase(server, baselineRuns, BASELINE_SECONDS, () => [], baselineLatencies);

  const latencies: TLatencies = new Map();
  const loadRuns = await createRuns("load");
  const cookie = await signInCookie(server, credentials.email, credentials.password);
  const readerClients = Array.from({ length: READERS }, () => ({ api: new Client(server, latencies), browser: new Client(server, latencies, cookie) }));
  let endAt = 0;
  const loaded = await phase(
    server,
    loadRuns,
    SECONDS,
    () => {
      endAt = Date.now() + SECONDS * 1000;
      return readerClients.map((r, i) =>
        reader(r.api, r.browser, credentials.projectSlug, [...demoRuns.slice(i % demoRuns.length), ...demoRuns], sampleIds, () => Date.now() > endAt),
      );
    },
    latencies,
  );
  clearInterval(sampler);
  await admin?.end();
  const peakMb = serverPeakMemoryMb(server);
  await stopBenchServer(server);

  // Exactly once: what the database holds for each writer's run equals what the server acknowledged.
  const expected = new Map([
    ...baselineRuns.map((id, i) => [id, baseline.written[i]!] as const),
    ...loadRuns.map((id, i) => [id, loaded.written[i]!] as const),
  ]);
  const stored = await countStored(server, kind, [...expected.keys()]);
  const mismatches = stored.filter((row) => {
    const want = expected.get(row.id)!;
    return row.points !== want.points || row.samples !== want.samples || row.judgments !== want.judgments;
  });

  const readerErrors = readerClients.flatMap((r) => [...r.api.errors, ...r.browser.errors]);
  const errors = [...baseline.errors, ...loaded.errors, ...readerErrors];
  const sum = (list: TWritten[], key: keyof TWritten) => list.reduce((n, w) => n + w[key], 0);
  const throughput = (p: { written: TWritten[]; elapsed: number }) => sum(p.written, "batches") / p.elapsed;
  console.log(`\n${kind}: ${WRITERS} writers, ${READERS} readers, ${SECONDS} s (baseline: writers alone, ${BASELINE_SECONDS} s)`);
  console.log("route".padEnd(22), "n".padStart(7), "p50 ms".padStart(9), "p99 ms".padStart(9));
  for (const [route, list] of [...latencies.entries()].sort()) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      route.padEnd(22),
      String(sorted.length).padStart(7),
      quantile(sorted, 0.5).toFixed(0).padStart(9),
      quantile(sorted, 0.99).toFixed(0).padStart(9),
    );
  }
  const readP99 = quantile(
    [...latencies.entries()]
      .filter(([route]) => route.startsWith("GET"))
      .flatMap(([, l]) => l)
      .sort((a, b) => a - b),
    0.99,
  );
  console.log(
    `write batches/s: alone ${throughput(baseline).toFixed(1)}, with readers ${throughput(loaded).toFixed(1)} (${((throughput(loaded) / throughput(baseline)) * 100).toFixed(0)}%)`,
  );
  console.log(
    `written: ${sum(loaded.written, "points") + sum(baseline.written, "points")} points, ${sum(loaded.written, "samples") + sum(baseline.written, "samples")} samples, ${sum(loaded.written, "images") + sum(baseline.written, "images")} images`,
  );
  console.log(`reads p99 (all GET routes): ${readP99.toFixed(0)} ms — issue 15 target < 500 ms on PostgreSQL: ${readP99 < 500 ? "met" : "NOT met"}`);
  console.log(`writes with readers keep ≥ 80% of their throughput alone: ${throughput(loaded) / throughput(baseline) >= 0.8 ? "met" : "NOT met"}`);
  console.log(`server peak memory: ${peakMb.toFixed(0)} MB; PostgreSQL connections (max seen): ${kind === "postgres" ? maxConnections : "n/a (embedded)"}`);
  console.log(`errors: ${errors.length}${errors.length ? ` — first: ${errors.slice(0, 5).join(" | ")}` : ""}`);
  console.log(
    `acknowledged writes stored exactly once: ${mismatches.length === 0 && stored.length === expected.size ? "yes" : `NO — ${mismatches.length} runs differ`}`,
  );
  return errors.length === 0 && mismatches.length === 0 && stored.length === expected.size;
}

ensureBuild();
let ok = true;
for (const [i, kind] of kinds.entries()) ok = (await benchKind(kind, basePort + i)) && ok;
console.log(ok ? "\nbench:load: 0 errors, 0 lost or duplicated writes" : "\nbench:load: FAILED (see above)");
process.exit(ok ? 0 : 1);
