// Starts a fresh production server for the end-to-end tests: node scripts/e2e-server.mjs <embedded|postgres> <port> <dataDir>
// Embedded: an empty data folder. PostgreSQL: a freshly created database on TEST_DATABASE_URL's server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import pg from "pg";

const [kind, port, dataDir] = process.argv.slice(2);
if (!["embedded", "postgres"].includes(kind) || !port || !dataDir) {
  console.error("usage: node scripts/e2e-server.mjs <embedded|postgres> <port> <dataDir>");
  process.exit(2);
}

const absDataDir = path.resolve(dataDir);
fs.rmSync(absDataDir, { recursive: true, force: true });
fs.mkdirSync(absDataDir, { recursive: true });

const env = { ...process.env, PORT: port, UNIGAP_DATA_DIR: absDataDir, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;
delete env.NEXTAUTH_SECRET;
// The alert specs' webhook receivers listen on 127.0.0.1 (issue 14); retries start after half a second;
// an attempt gives up after 3 s and a delivery after 3 attempts, so the fault spec sees the failing state soon.
env.UNIGAP_WEBHOOK_ALLOW_PRIVATE ??= "1";
env.UNIGAP_WEBHOOK_RETRY_BASE_MS ??= "500";
env.UNIGAP_WEBHOOK_TIMEOUT_MS ??= "3000";
env.UNIGAP_WEBHOOK_MAX_ATTEMPTS ??= "3";

if (kind === "postgres") {
  const adminUrl = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const database = `unigap_e2e_${port}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  env.DATABASE_URL = url.toString();
}

// As `npm start` does: a request must arrive within UNIGAP_REQUEST_TIMEOUT_MS (scripts/http-guard.cjs).
env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(path.resolve("scripts/http-guard.cjs"))}`.trim();
const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 1));
