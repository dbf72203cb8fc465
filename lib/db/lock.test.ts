import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { acquireDataDirLock, DataDirLockedError, findLiveLockOwner } from "./lock";

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), "unigap-lock-"));
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("data folder lock", () => {
  it("refuses a second holder while the first is alive, and frees the folder on release", () => {
    const dir = tempDir();
    const release = acquireDataDirLock(dir, { port: 4321 });
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another unigap process \(pid \d+, port 4321/);
    expect(findLiveLockOwner(path.join(dir, "server.lock"))?.pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dir, "server.lock"))).toBe(false);
    const again = acquireDataDirLock(dir);
    expect(findLiveLockOwner(path.join(dir, "server.lock"))?.pid).toBe(process.pid);
    again();
  });

  it("takes over a lock left by a killed process", () => {
    const dir = tempDir();
    const stale = { pid: deadPid(), hostname: os.hostname(), procStart: "1", startedAt: "2026-01-01T00:00:00.000Z" };
    fs.writeFileSync(path.join(dir, "server.lock"), JSON.stringify(stale));
    expect(findLiveLockOwner(path.join(dir, "server.lock"))).toBeNull();
    const release = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "server.lock"), "utf8")).pid).toBe(process.pid);
    release();
  });

  it("takes over a lock whose pid now belongs to a different process", () => {
    const dir = tempDir();
    const reused = { pid: process.pid, hostname: os.hostname(), procStart: "0", startedAt: "2026-01-01T00:00:00.000Z" };
    fs.writeFileSync(path.join(dir, "server.lock"), JSON.stringify(reused));
    expect(findLiveLockOwner(path.join(dir, "server.lock"))).toBeNull();
    const release = acquireDataDirLock(dir);
    const taken = JSON.parse(fs.readFileSync(path.join(dir, "server.lock"), "utf8"));
    expect(taken.pid).toBe(process.pid);
    expect(taken.procStart).not.toBe("0");
    release();
    expect(fs.existsSync(path.join(dir, "server.lock"))).toBe(false);
  });
});
