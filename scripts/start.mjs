// `npm start`: builds the app when the build is missing or older than the sources, then serves it
// with `next start`. The database (embedded unless DATABASE_URL is set) is opened, migrated and,
// on first start, seeded with the demo by the server itself (instrumentation.ts).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = process.cwd();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.PORT ??= "3000";
env.NEXTAUTH_URL ??= `http://localhost:${env.PORT}`;

function newestSourceMtime() {
  let newest = 0;
  const visit = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "generated" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "prisma", "public"]) visit(path.join(root, dir));
  for (const file of ["package-lock.json", "next.config.js", "instrumentation.ts", "proxy.ts"]) {
    if (fs.existsSync(file)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
if (!fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime()) {
  console.log("[unigap] building the app (first start or sources changed)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Every process below this one watches this one's pid (scripts/parent-watch.cjs): killed with SIGKILL,
// it cannot forward a signal, and its children must not be left serving the port and the data folder.
// scripts/http-guard.cjs bounds how long a request may take to arrive (a trickling or stalled body).
const preloads = ["parent-watch.cjs", "http-guard.cjs"].map((name) => `--require ${JSON.stringify(path.join(root, "scripts", name))}`);
const serverEnv = { ...env, UNIGAP_PARENT_PID: String(process.pid), NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} ${preloads.join(" ")}`.trim() };
const server = spawn("npx", ["next", "start", "-p", env.PORT], { stdio: "inherit", env: serverEnv, detached: true });
const stop = (signal) => {
  try {
    process.kill(-server.pid, signal);
  } catch {
    /* already gone */
  }
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
