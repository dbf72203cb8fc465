// PGlite is a single-process database: two servers on one data folder would corrupt it. The first
// process to start writes a lock file naming itself; a second one refuses to open the folder while
// that process is alive. A lock left by a killed process is recognised (its pid is gone, or now
// belongs to a different process) and taken over, so SIGKILL never needs manual cleanup.
import "server-only";

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type TLockOwner = { pid: number; hostname: string; procStart: string | null; startedAt: string; port?: number };

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: TLockOwner,
  ) {
    super(
      `The embedded database in ${path.dirname(lockFile)} is in use by another unigap process ` +
        `(pid ${owner.pid}${owner.port ? `, port ${owner.port}` : ""}, started ${owner.startedAt}). ` +
        `PGlite serves one process at a time: stop that process, point UNIGAP_DATA_DIR at another folder, ` +
        `or use a PostgreSQL server via DATABASE_URL.`,
    );
    this.name = "DataDirLockedError";
  }
}

/** Fields of /proc/<pid>/stat after the parenthesised command name (which may contain spaces). */
function readProcStat(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

function readProcStart(pid: number): string | null {
  return readProcStat(pid)?.[19] ?? null; // field 22: starttime
}

function isAlive(owner: TLockOwner): boolean {
  if (owner.hostname !== os.hostname()) return true; // another machine on a shared disk: be safe
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // A killed process whose parent died too can linger as a zombie nobody reaps: it holds nothing.
  const stat = readProcStat(owner.pid);
  if (stat?.[0] === "Z" || stat?.[0] === "X") return false;
  const liveStart = stat?.[19] ?? null;
  return owner.procStart === null || liveStart === null || liveStart === owner.procStart;
}

function readLockOwner(lockFile: string): TLockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(lockFile, "utf8")) as TLockOwner;
  } catch {
    return null;
  }
}

/** Returns the live owner of the lock, or null when the folder is free. */
export function findLiveLockOwner(lockFile: string): TLockOwner | null {
  const owner = readLockOwner(lockFile);
  return owner && isAlive(owner) ? owner : null;
}

/** Takes the lock or throws DataDirLockedError; returns a release function. */
export function acquireDataDirLock(dir: string, extra: { port?: number } = {}): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, "server.lock");
  const me: TLockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    procStart: readProcStart(process.pid),
    startedAt: new Date().toISOString(),
    ...extra,
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(me), { flag: "wx", mode: 0o600 });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readLockOwner(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readLockOwner(lockFile);
      if (owner && isAlive(owner)) throw new DataDirLockedError(lockFile, owner);
      fs.rmSync(lockFile, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockFile}: another process keeps recreating it.`);
}
