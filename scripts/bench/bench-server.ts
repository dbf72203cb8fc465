// Production servers for the ingest benchmark: own port, own data folder, own process group,
// and the peak resident memory (VmHWM) of the next-server process.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import pg from "pg";

export type TBenchServer = { url: string; apiKey: string; dataDir: string; proc: ChildProcess; databaseUrl?: string };

const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export function ensureBuild(): void {
  if (fs.existsSync(".next/BUILD_ID")) return;
  console.log("building the app (no production build found)…");
  execFileSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startBenchServer(kind: "postgres" | "embedded", port: number, extraEnv: Record<string, string> = {}): Promise<TBenchServer> {
  const dataDir = path.resolve(".bench", kind);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const databaseUrl = kind === "postgres" ? await freshDatabase(`unigap_bench_${port}`) : undefined;
  const env = {
    ...process.env,
    PORT: String(port),
    UNIGAP_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl ?? "",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extraEnv,
  };
  const url = `http://127.0.0.1:${port}`;
  // The first start seeds the demo (simulation, image rendering, summaries): its memory peak is not
  // ingestion's. Let it finish, then measure on a second start of the same database.
  const seeding = await spawnUntilHealthy(env, port, url, dataDir);
  await stopBenchServer({ url, apiKey: "", dataDir, proc: seeding, databaseUrl });
  const proc = await spawnUntilHealthy(env, port, url, dataDir);
  const { apiKey } = JSON.parse(fs.readFileSync(path.join(dataDir, "demo-credentials.json"), "utf8")) as { apiKey: string };
  return { url, apiKey, dataDir, proc, databaseUrl };
}

async function spawnUntilHealthy(env: NodeJS.ProcessEnv, port: number, url: string, dataDir: string): Promise<ChildProcess> {
  const proc = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, detached: true, stdio: "ignore" });
  const deadline = Date.now() + 240_000;
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && fs.existsSync(path.join(dataDir, "demo-credentials.json"))) return proc;
    if (Date.now() > deadline) throw new Error(`bench server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function descendants(pid: number): number[] {
  const children = fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return fs.readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1]!.split(" ")[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
  return children.flatMap((c) => [c, ...descendants(c)]);
}

/** CPU seconds (user + system) the server's processes have used so far. */
export function serverCpuSeconds(server: TBenchServer): number {
  const ticks = descendants(server.proc.pid!).map((pid) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  });
  return ticks.reduce((a, b) => a + b, 0) / 100;
}

/** Peak resident memory (MB) of the server process — the descendant that is next-server. */
export function serverPeakMemoryMb(server: TBenchServer): number {
  const peaks = descendants(server.proc.pid!).map((pid) => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  });
  return Math.max(0, ...peaks);
}

export async function stopBenchServer(server: TBenchServer): Promise<void> {
  try {
    process.kill(-server.proc.pid!, "SIGTERM");
  } catch {
    return;
  }
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-server.proc.pid!, "SIGKILL");
      } catch {
        /* gone */
      }
      resolve();
    }, 15_000);
    server.proc.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  // The embedded database's lock is released by the server's own shutdown; wait for the next-server child too.
  const lock = path.join(server.dataDir, "server.lock");
  for (let i = 0; i < 60 && fs.existsSync(lock); i++) await new Promise((r) => setTimeout(r, 250));
}
