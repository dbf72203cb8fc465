import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { systemPort, waitForHealth } from "../support/server-process";

// `npm start` (scripts/start.mjs) killed with SIGKILL, as a supervisor or the OOM killer would: the
// Next.js server it spawned must stop by itself, so a restart finds the port and the data folder free.
const port = systemPort("orphans");

function listeningPids(p: number): string[] {
  const out = spawnSync("sh", ["-c", `ss -ltnpH 'sport = :${p}' 2>/dev/null`], { encoding: "utf8" }).stdout;
  return [...out.matchAll(/pid=(\d+)/g)].map((m) => m[1]!);
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

function startNpmStart(dataDir: string) {
  const proc = spawn("node", ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "", UNIGAP_SKIP_DEMO: "1", NEXTAUTH_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  proc.stdout.on("data", (d) => (output += d));
  proc.stderr.on("data", (d) => (output += d));
  return { proc, output: () => output };
}

test("[STARTUP]: kill -9 of `npm start` leaves no server behind; the next start gets the port and the embedded folder", async () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-orphans-"));
  const first = startNpmStart(dataDir);
  try {
    expect(await waitForHealth(port).catch((error) => `${error.message}\n${first.output()}`)).toMatchObject({ ok: true, database: "embedded" });
    expect(listeningPids(port).length).toBeGreaterThan(0);

    process.kill(first.proc.pid!, "SIGKILL");
    expect(await waitUntil(() => listeningPids(port).length === 0, 15_000), `still listening: ${listeningPids(port).join(", ")}`).toBe(true);

    const second = startNpmStart(dataDir);
    try {
      expect(await waitForHealth(port).catch((error) => `${error.message}\n${second.output()}`)).toMatchObject({ ok: true, database: "embedded" });
      expect(second.output()).not.toContain("in use by another unigap process");
    } finally {
      process.kill(second.proc.pid!, "SIGTERM");
      await waitUntil(() => listeningPids(port).length === 0, 15_000);
    }
  } finally {
    for (const pid of listeningPids(port)) process.kill(Number(pid), "SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
