import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { TDatabase } from "@/lib/db/open";
import type { TDemoCredentials } from "@/prisma/seed/demo";

/** What a fresh instance needs before it serves: a session secret, an admin token, the demo. */
export async function runFirstStartHooks(db: TDatabase): Promise<void> {
  await ensureAuthSecret(db);
  ensureAdminToken(db.config.dataDir);
  if (process.env.UNIGAP_SKIP_DEMO === "1") return;
  const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects`);
  if ((row?.n ?? 0) > 0) return;
  const { seedDemo } = await import("@/prisma/seed/demo");
  const started = Date.now();
  const credentials = await seedDemo(db);
  const file = writeDemoCredentials(db.config.dataDir, credentials);
  console.log(
    `[unigap] demo project "${credentials.projectSlug}" created in ${((Date.now() - started) / 1000).toFixed(1)} s. Sign in as ${credentials.email} / ${credentials.password}\n` +
      `[unigap] these details and an API key for the demo project are in ${file}`,
  );
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

export function writeDemoCredentials(dataDir: string, credentials: TDemoCredentials): string {
  const file = path.join(dataDir, "demo-credentials.json");
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(credentials, null, 2) + "\n", { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return file;
}
