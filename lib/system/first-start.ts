import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { ADVISORY_LOCK_KEYS, withAdvisoryLock } from "@/lib/db/advisory-lock";
import type { TDatabase } from "@/lib/db/open";

import type { TSeeders } from "./seeders";

/**
 * What a fresh instance needs before it serves: a session secret, an admin token, the demo (when
 * seeders are given). On PostgreSQL it runs under a session-level advisory lock: N servers started at
 * the same moment on an empty database wait for the first, which creates the demo; the others then
 * find it and start normally. Embedded mode is one process already (the data folder's lock file).
 */
export async function runFirstStartHooks(db: TDatabase, loadSeeders: (() => Promise<TSeeders>) | undefined): Promise<void> {
  await withAdvisoryLock(db, ADVISORY_LOCK_KEYS.firstStart, "first-start", () => firstStartWork(db, loadSeeders));
}

async function firstStartWork(db: TDatabase, loadSeeders: (() => Promise<TSeeders>) | undefined): Promise<void> {
  await ensureAuthSecret(db);
  ensureAdminToken(db.config.dataDir);
  if (!loadSeeders || process.env.UNIGAP_SKIP_DEMO === "1") return;
  const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects`);
  if ((row?.n ?? 0) > 0) return;
  const seeders = await loadSeeders();
  for (const line of await seeders.seedFirstStartDemo(db)) console.log(`[unigap] ${line}`);
}

/**
 * next-auth signs session cookies with NEXTAUTH_SECRET. When the operator sets none, generate one
 * once and keep it in the database, so restarts and every server on one database agree.
 */
async function ensureAuthSecret(db: TDatabase): Promise<void> {
  if (process.env.NEXTAUTH_SECRET) return;
  const candidate = randomBytes(32).toString("base64url");
  await db.sql.execute(`INSERT INTO app_settings (key, value) VALUES ('auth_secret', $1) ON CONFLICT (key) DO NOTHING`, [candidate]);
  const [row] = await db.sql.query<{ value: string }>(`SELECT value FROM app_settings WHERE key = 'auth_secret'`);
  process.env.NEXTAUTH_SECRET = row!.value;
}

/** A local token that lets `npm run seed` ask a running embedded server to seed in its process. */
function ensureAdminToken(dataDir: string): void {
  const file = path.join(dataDir, "admin-token");
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
}

export function readAdminToken(dataDir: string): string | null {
  try {
    return fs.readFileSync(path.join(dataDir, "admin-token"), "utf8").trim();
  } catch {
    return null;
  }
}
