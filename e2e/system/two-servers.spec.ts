import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";
import pg from "pg";

import { readCredentials, type TDemoCredentials } from "../support/fixtures";
import { uniquePng } from "../support/ingest";
import { directUploadScript } from "../support/python-direct-upload";
import { startS3rver, type TTestS3 } from "../support/s3rver";
import { killServer, startServer, waitForHealth, systemPort, type TServer } from "../support/server-process";
import { runProcess } from "../support/spawn";

// Two production servers on two ports, one fresh PostgreSQL database, one bucket (s3rver): started at
// the same moment on the empty database, both come up, the migrations and the demo happen once.
// Server A ingests (the Python client, images by direct upload); server B serves it at once (runs,
// summary, explorer page, image with a byte range, thumbnail); a new judge choice made on A is seen on
// B within a second (LISTEN/NOTIFY); a session cookie from A works on B; the data folders hold no blobs.
const portA = systemPort("twoServers");
const portB = portA + 1; // the offset after twoServers is this spec's too
const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const database = `unigap_two_servers_${randomBytes(4).toString("hex")}`;
const servers: TServer[] = [];
let s3: TTestS3 | undefined;

async function admin<T>(fn: (client: pg.Client) => Promise<T>, db?: string): Promise<T> {
  const url = new URL(ADMIN_URL);
  if (db) url.pathname = `/${db}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

test.afterAll(async () => {
  servers.forEach((s) => killServer(s, "SIGKILL"));
  await Promise.all(servers.map((s) => s.exited));
  await s3?.stop();
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch(() => undefined);
});

const PYTHON = directUploadScript({
  runName: "two servers",
  count: 4,
  seed: 5150,
  logSample: `run.log_sample(step=0, prompt="a blue sphere %d" % i, benchmark="geneval", image=png(5150 + i), judgments=[{"kind": "self", "verdict": 1}, {"kind": "external", "judge": "judge-a", "verdict": i % 2}])`,
});

async function signInOverHttp(port: number, email: string, password: string): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const csrfCookie = csrfResponse.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => c!.includes("session-token"))
    .join("; ");
}

test("[TWO-SERVERS]: two servers on one PostgreSQL and one bucket start together, migrate once and serve one project", async () => {
  test.setTimeout(300_000);
  await admin((c) => c.query(`CREATE DATABASE "${database}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  s3 = await startS3rver("unigap-two-servers");
  const dirs = [portA, portB].map(() => fs.mkdtempSync(path.join(os.tmpdir(), "unigap-two-servers-")));
  const env = (dataDir: string) => ({ UNIGAP_DATA_DIR: dataDir, DATABASE_URL: url.toString(), ...s3!.env, UNIGAP_S3_PREFIX: "shared" });
  // The same moment, the same empty database.
  const [a, b] = [startServer(portA, env(dirs[0]!)), startServer(portB, env(dirs[1]!))];
  servers.push(a, b);
  const health = await Promise.all([a, b].map((s) => waitForHealth(s.port).catch((error: Error) => `${error.message}\n${s.output()}`)));
  for (const h of health) expect(h).toMatchObject({ ok: true, database: "postgres" });
  expect(a.output() + b.output()).not.toContain("Unique constraint");

  // Migrated once, one demo: one account, one project, each migration recorded once.
  const counts = await admin(
    async (c) =>
      (
        await c.query<{ users: number; projects: number; migrations: number; names: number }>(
          `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM projects) AS projects,
                  (SELECT count(*)::int FROM "_prisma_migrations") AS migrations, (SELECT count(DISTINCT migration_name)::int FROM "_prisma_migrations") AS names`,
        )
      ).rows[0]!,
    database,
  );
  const committed = fs.readdirSync("prisma/migrations", { withFileTypes: true }).filter((d) => d.isDirectory()).length;
  expect(counts).toEqual({ users: 1, projects: 1, migrations: committed, names: committed });
  expect(`${a.output()}${b.output()}`.match(/demo project "demo" created/g)).toHaveLength(1);
  // The demo's credentials are written by whichever server created it (a convenience file, not state).
  const credentials: TDemoCredentials = readCredentials(dirs.find((d) => fs.existsSync(path.join(d, "demo-credentials.json")))!);

  // Ingest through A: the Python client sends the images straight to the bucket.
  const baseA = `http://127.0.0.1:${portA}`;
  const baseB = `http://127.0.0.1:${portB}`;
  const result = await runProcess(
    "python3",
    ["-c", PYTHON, fs.mkdtempSync(path.join(os.tmpdir(), "unigap-two-servers-spool-"))],
    { UNIGAP_URL: baseA, UNIGAP_API_KEY: credentials.apiKey, PYTHONDONTWRITEBYTECODE: "1" },
    { cwd: path.resolve("clients/python"), timeoutMs: 120_000 },
  );
  expect(result.code, result.stderr).toBe(0);
  const out = JSON.parse(result.stdout.trim().split("\n").pop()!) as {
    runId: string;
    calls: { direct: number; app: number };
    sampleIds: string[];
    sha256: string[];
  };
  expect(out.calls).toEqual({ direct: 4, app: 0 });
  expect(out.sampleIds).toHaveLength(4);

  // Read through B at once.
  const headers = { authorization: `Bearer ${credentials.apiKey}` };
  const getB = (route: string, extra: Record<string, string> = {}) => fetch(`${baseB}${route}`, { headers: { ...headers, ...extra } });
  const listed = (await (await getB(`/api/v1/runs?name=${encodeURIComponent("two servers")}`)).json()) as { runs: { id: string }[] };
  expect(listed.runs.map((r) => r.id)).toEqual([out.runId]);
  const summary = async () =>
    (await (await getB(`/api/v1/runs/${out.runId}/summary`)).json()) as { externalJudges: Record<string, string>; checkpoints: unknown[] };
  const first = await summary();
  expect(first.externalJudges).toEqual({ geneval: "judge-a" });
  expect(first.checkpoints).toHaveLength(1);
  for (const id of out.sampleIds) {
    const image = await getB(`/api/samples/${id}/image`);
    expect(image.status).toBe(200);
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    const part = await getB(`/api/samples/${id}/image`, { range: "bytes=0-7" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-7/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(0, 8))).toBe(true);
    const beyond = await getB(`/api/samples/${id}/image`, { range: `bytes=${bytes.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
    await beyond.body?.cancel();
    const thumb = await getB(`/api/samples/${id}/thumbnail?size=128`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    await thumb.arrayBuffer();
  }

  // A change on A that makes another judge the choice: B, which cached the choice above, sees it within a second.
  const samples = Array.from({ length: 8 }, (_, i) => ({
    step: 0,
    prompt: { externalId: `geneval/more-${i}`, text: `a green cone ${i}`, benchmark: "geneval" },
    judgments: [{ kind: "external", judge: "judge-b", verdict: 1 }],
  }));
  const posted = await fetch(`${baseA}/api/v1/runs/${out.runId}/samples`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ samples }),
  });
  expect(posted.status, await posted.clone().text()).toBeLessThan(300);
  const changedAt = Date.now();
  let seen = first.externalJudges;
  while (seen.geneval !== "judge-b" && Date.now() - changedAt < 1000) seen = (await summary()).externalJudges;
  expect(seen, `B still picked ${JSON.stringify(seen)} ${Date.now() - changedAt} ms after A's change`).toEqual({ geneval: "judge-b" });

  // A session from A is a session on B (one secret, kept in the database): the explorer page renders there.
  const cookie = await signInOverHttp(portA, credentials.email, credentials.password);
  expect(cookie).toContain("session-token");
  const session = (await (await fetch(`${baseB}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(credentials.email);
  const explorer = await fetch(`${baseB}/p/${credentials.projectSlug}/samples?run=${out.runId}`, { headers: { cookie }, redirect: "manual" });
  expect(explorer.status).toBe(200);
  const html = await explorer.text();
  expect(out.sampleIds.some((id) => html.includes(id))).toBe(true);

  // The CLI imports images through B the same way: straight to the bucket (its requests are counted by a
  // preloaded fetch wrapper), the app only confirms; A serves them at once.
  const cliDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-two-servers-cli-"));
  const pngs = await Promise.all([0, 1, 2].map((i) => uniquePng(`two-servers-cli-${i}`, 12)));
  pngs.forEach((p, i) => fs.writeFileSync(path.join(cliDir, `img${i}.png`), p.bytes));
  const lines = pngs.map((_, i) => JSON.stringify({ step: 1, prompt: { externalId: `cli/${i}`, text: `a cli cube ${i}` }, image: `img${i}.png` }));
  fs.writeFileSync(path.join(cliDir, "samples.jsonl"), lines.join("\n") + "\n");
  const counter = path.join(cliDir, "count-fetch.cjs");
  fs.writeFileSync(
    counter,
    `const fs = require("node:fs"); const seen = [];
     const original = globalThis.fetch;
     globalThis.fetch = (input, init) => { seen.push([(init && init.method) || "GET", String(input)]); return original(input, init); };
     process.on("exit", () => fs.writeFileSync(${JSON.stringify(path.join(cliDir, "requests.json"))}, JSON.stringify(seen)));`,
  );
  const imported = await runProcess("node", ["bin/unigap.mjs", "--json", "import", "samples", path.join(cliDir, "samples.jsonl"), "--run", "two servers cli"], {
    UNIGAP_URL: baseB,
    UNIGAP_API_KEY: credentials.apiKey,
    NODE_OPTIONS: `--require ${counter}`,
  });
  expect(imported.code, imported.stderr + imported.stdout).toBe(0);
  expect(JSON.parse(imported.stdout)).toMatchObject({ images: 3 });
  const requests = JSON.parse(fs.readFileSync(path.join(cliDir, "requests.json"), "utf8")) as [string, string][];
  expect(requests.filter(([method, u]) => method === "PUT" && u.startsWith(s3!.endpoint))).toHaveLength(3);
  expect(requests.filter(([method, u]) => method === "PUT" && u.startsWith(baseB))).toEqual([]);
  expect(requests.filter(([method, u]) => method === "POST" && u.endsWith("/confirm"))).toHaveLength(3);
  const cliRun = (await (await fetch(`${baseA}/api/v1/runs?name=${encodeURIComponent("two servers cli")}`, { headers })).json()) as { runs: { id: string }[] };
  expect(cliRun.runs).toHaveLength(1);

  // Every byte is in the bucket; neither data folder holds a blob or a thumbnail.
  for (const dir of dirs) {
    expect(fs.existsSync(path.join(dir, "blobs"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "thumbs"))).toBe(false);
  }
  const objects = (fs.readdirSync(path.join(s3.directory, s3.bucket), { recursive: true }) as string[]).map((f) => f.split(path.sep).join("/"));
  for (const sha of [...out.sha256, ...pngs.map((p) => p.sha256)])
    expect(objects.some((f) => f.startsWith(`shared/blobs/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`))).toBe(true);
});
