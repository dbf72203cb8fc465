// Work that must happen once across every server on one PostgreSQL database takes an advisory lock:
// a session-level lock on a connection of its own for the whole of the work (first start waits for
// it; a refresh or a timer tick tries it and skips or retries when another server holds it). PGlite
// serves one process (the data folder's lock file guarantees it), so in embedded mode the work just runs.
import "server-only";

import { getDb } from "./client";
import type { TDatabase } from "./open";

/** Lock keys: the first argument of pg_advisory_lock(int4, int4); the second is hashtext(scope). */
export const ADVISORY_LOCK_KEYS = {
  firstStart: 72707370,
  runStats: 72707371,
  rollups: 72707372,
  stallCheck: 72707373,
} as const;

/** Waits for the lock, runs fn, releases. */
export async function withAdvisoryLock<T>(db: TDatabase, key: number, scope: string, fn: () => Promise<T>): Promise<T> {
  const result = await locked(db, `pg_advisory_lock($1, hashtext($2)) IS NOT NULL`, key, scope, fn);
  return result as T;
}

export const LOCK_BUSY: unique symbol = Symbol("advisory lock busy");

/** Runs fn only when no other session holds the lock; otherwise returns LOCK_BUSY at once. */
export function withAdvisoryTryLock<T>(db: TDatabase, key: number, scope: string, fn: () => Promise<T>): Promise<T | typeof LOCK_BUSY> {
  return locked(db, `pg_try_advisory_lock($1, hashtext($2))`, key, scope, fn);
}

/** withAdvisoryTryLock on the process's database (services and timers, which do not hold the database themselves). */
export async function tryAdvisoryLock<T>(key: number, scope: string, fn: () => Promise<T>): Promise<T | typeof LOCK_BUSY> {
  return withAdvisoryTryLock(await getDb(), key, scope, fn);
}

async function locked<T>(db: TDatabase, take: string, key: number, scope: string, fn: () => Promise<T>): Promise<T | typeof LOCK_BUSY> {
  if (!db.pool) return fn();
  const client = await db.pool.connect();
  let broken = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>(`SELECT ${take} AS locked`, [key, scope]);
    if (!rows[0]?.locked) return LOCK_BUSY;
    try {
      return await fn();
    } finally {
      // A connection that cannot unlock is closed instead of pooled: closing the session frees the lock.
      await client.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [key, scope]).catch(() => {
        broken = true;
      });
    }
  } finally {
    client.release(broken);
  }
}
