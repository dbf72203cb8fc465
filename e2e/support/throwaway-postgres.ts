// A PostgreSQL cluster of the test's own (initdb + pg_ctl on a spare port), so fault tests can stop
// and start it without touching the machine's shared server. PostgreSQL refuses to run as root:
// when the tests run as root, the cluster's commands run as the `postgres` user.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type TThrowawayPostgres = { port: number; dir: string; url: (database: string) => string; start: () => void; stop: () => void; remove: () => void };

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error("no PostgreSQL binaries under /usr/lib/postgresql");
  return path.join(root, version, "bin");
}

function runAsOwner(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
}

export function createThrowawayPostgres(port: number): TThrowawayPostgres {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-pg-"));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) spawnSync("chown", ["postgres", dir]);
  runAsOwner(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const pgctl = (...args: string[]) => runAsOwner(path.join(bin, "pg_ctl"), ["-D", data, ...args]);
  const server = {
    port,
    dir,
    url: (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => pgctl("-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-l", path.join(dir, "log"), "-w", "start"),
    stop: () => pgctl("-m", "fast", "-w", "stop"),
    remove: () => {
      try {
        server.stop();
      } catch {
        /* not running */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
