// Starts and stops extra `next start` processes for the system tests (own data folder, own port).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * Ports of the system specs' own servers, as offsets from E2E_PORT: one table so that specs running in
 * parallel never start two servers on one port.
 */
const SYSTEM_PORT_OFFSETS = {
  startup: 50,
  noSecretsInLogs: 55,
  rateLimit: 56,
  orphans: 57,
  postgresRestart: 58,
  s3DirectUpload: 59,
  twoServers: 70,
  storageFaults: 90,
  serverKilled: 91,
  slowClients: 93,
  hostile: 94,
  addressRateLimit: 96,
} as const;

export function systemPort(spec: keyof typeof SYSTEM_PORT_OFFSETS): number {
  return Number(process.env.E2E_PORT ?? 3100) + SYSTEM_PORT_OFFSETS[spec];
}

export type TServer = { port: number; proc: ChildProcess; output: () => string; exited: Promise<number | null> };

export function startServer(port: number, env: Record<string, string | undefined>): TServer {
  // As `npm start` does: a request must arrive within UNIGAP_REQUEST_TIMEOUT_MS (scripts/http-guard.cjs).
  const preload = `--require ${JSON.stringify(path.resolve("scripts/http-guard.cjs"))}`;
  const proc = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), NODE_OPTIONS: preload, ...env },
    detached: true,
  });
  let output = "";
  proc.stdout?.on("data", (d) => (output += d));
  proc.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { port, proc, output: () => output, exited };
}

export async function waitForHealth(port: number, timeoutMs = 240_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return response.json();
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} did not become healthy in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Kills the whole process group (npx → next → next-server). */
export function killServer(server: TServer, signal: NodeJS.Signals = "SIGTERM") {
  try {
    process.kill(-server.proc.pid!, signal);
  } catch {
    /* already gone */
  }
}
