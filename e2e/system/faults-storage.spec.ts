import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";
import pg from "pg";

import { readCredentials } from "../support/fixtures";
import { createFreshDatabase, databaseUrl, dropDatabase } from "../support/fresh-database";
import { uniquePng } from "../support/ingest";
import { killServer, startServer, systemPort, waitForHealth, type TServer } from "../support/server-process";

// The image store's volume fails under a running server (issue 17): full (a small tmpfs filled up),
// then read-only (the tmpfs remounted ro). Uploads get 507 / 503 with Retry-After and a message,
// nothing is stored (no blob row, no temporary file, no sample pointing at a missing image), and the
// server keeps serving images and thumbnails. The server runs on PostgreSQL so that only the data
// folder — its images — sits on the failing volume.
const port = systemPort("storageFaults");
const database = `unigap_storage_faults_${port}`;
let server: TServer | null = null;
let dataDir = "";
let mounted = false;

function sh(command: string, args: string[]) {
  return spawnSync(command, args, { encoding: "utf8" });
}

function tempFiles(dir: string): string[] {
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith(".tmp")) : [];
}

async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: databaseUrl(database) });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

const counts = () =>
  withDb(
    async (db) =>
      (
        await db.query<{ blobs: string; samples: string }>(
          "SELECT (SELECT count(*) FROM blobs)::text AS blobs, (SELECT count(*) FROM samples)::text AS samples",
        )
      ).rows[0]!,
  );

test.afterAll(async () => {
  if (server) killServer(server, "SIGKILL");
  if (mounted) sh("umount", ["-l", dataDir]);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase(database);
});

test("[FAULTS]: a full or read-only image store — 507 / 503 with Retry-After, nothing stored, reads go on", async () => {
  test.setTimeout(300_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-storage-faults-"));
  // The demo's images (≈ 55 MB) fit; the filler below takes the rest.
  const mount = sh("mount", ["-t", "tmpfs", "-o", "size=128m", "tmpfs", dataDir]);
  // These machines and their CI run as root; a machine that cannot mount fails here, by name, rather than skipping.
  expect(mount.status, `mounting a tmpfs for the image volume needs root (CAP_SYS_ADMIN): ${mount.stderr.trim()}`).toBe(0);
  mounted = true;

  server = startServer(port, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: await createFreshDatabase(database) });
  expect(await waitForHealth(port).catch((error) => `${error.message}\n${server!.output()}`)).toMatchObject({ ok: true, database: "postgres" });

  const { apiKey } = readCredentials(dataDir);
  const base = `http://127.0.0.1:${port}`;
  const headers = { authorization: `Bearer ${apiKey}` };
  const put = (image: { bytes: Buffer; sha256: string }) =>
    fetch(`${base}/api/v1/blobs/${image.sha256}`, {
      method: "PUT",
      headers: { ...headers, "content-type": "application/octet-stream" },
      body: new Uint8Array(image.bytes),
    });
  const post = (route: string, data: unknown) =>
    fetch(`${base}${route}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(data) });
  const logSample = (runId: string, candidate: number, sha256: string) =>
    post(`/api/v1/runs/${runId}/samples`, {
      samples: [
        { step: 0, candidate, imageSha256: sha256, prompt: { externalId: "faults/p0", text: "a red cube" }, judgments: [{ kind: "self", verdict: 1 }] },
      ],
    });
  const read = async (route: string) => {
    const response = await fetch(`${base}${route}`, { headers });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  const run = (await (await post("/api/v1/runs", { name: "image store faults", externalId: "storage-faults" })).json()) as { id: string };
  const first = await uniquePng("storage-faults/first", 64);
  expect((await put(first)).status).toBe(201);
  const logged = await logSample(run.id, 0, first.sha256);
  expect(logged.status, await logged.clone().text()).toBe(200);
  const [firstSampleId] = ((await logged.json()) as { sampleIds: string[] }).sampleIds;

  // 1. Full: fill the volume to the last byte.
  sh("dd", ["if=/dev/zero", `of=${path.join(dataDir, "filler")}`, "bs=1M"]);
  expect(sh("df", ["--output=avail", "-B1", dataDir]).stdout.trim().split("\n").at(-1)!.trim()).toBe("0");
  const before = await counts();
  const second = await uniquePng("storage-faults/second", 64);
  const full = await put(second);
  expect(full.status).toBe(507);
  expect(Number(full.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await full.json()).toMatchObject({ error: { code: "INSUFFICIENT_STORAGE", message: expect.stringContaining("nothing was stored") } });
  const orphan = await logSample(run.id, 1, second.sha256);
  expect(orphan.status).toBe(422); // the image never arrived, so no sample may point at it
  expect(await counts()).toEqual(before);
  expect(tempFiles(path.join(dataDir, "blobs"))).toEqual([]);
  // Reads go on: the stored image, and its thumbnail (made, though the full store cannot cache it).
  expect(await read(`/api/samples/${firstSampleId}/image`)).toEqual({ status: 200, bytes: first.bytes });
  expect((await read(`/api/samples/${firstSampleId}/thumbnail?size=128`)).status).toBe(200);
  expect((await fetch(`${base}/api/health`)).status).toBe(200);

  // Space comes back: the same upload goes through, once.
  fs.rmSync(path.join(dataDir, "filler"));
  expect((await put(second)).status).toBe(201);
  expect((await logSample(run.id, 1, second.sha256)).status).toBe(200);
  const afterFull = await counts();
  expect(afterFull).toEqual({ blobs: String(Number(before.blobs) + 1), samples: String(Number(before.samples) + 1) });

  // 2. Read-only: the volume is remounted ro under the running server.
  expect(sh("mount", ["-o", "remount,ro", dataDir]).status).toBe(0);
  const third = await uniquePng("storage-faults/third", 64);
  const readOnly = await put(third);
  expect(readOnly.status, server.output().slice(-2000)).toBe(503);
  expect(Number(readOnly.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await readOnly.json()).toMatchObject({ error: { code: "UNAVAILABLE", message: expect.stringContaining("read-only") } });
  expect(await counts()).toEqual(afterFull);
  expect(await read(`/api/samples/${firstSampleId}/image`)).toEqual({ status: 200, bytes: first.bytes });
  expect((await read(`/api/samples/${firstSampleId}/thumbnail?size=320`)).status).toBe(200); // not cached yet at this size
  expect((await fetch(`${base}/api/health`)).status).toBe(200);

  expect(sh("mount", ["-o", "remount,rw", dataDir]).status).toBe(0);
  expect((await put(third)).status).toBe(201);
  expect(tempFiles(path.join(dataDir, "blobs"))).toEqual([]);
  expect(server.output()).not.toContain("unhandled error");
});
