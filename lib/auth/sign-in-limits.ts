import "server-only";

import { randomInt } from "node:crypto";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// Only failed attempts are charged, so people who type their password right are never slowed down.
// Per account: 5 failures, then one more a minute (a guesser gets ~1,440 tries a day per account).
// Per address: 30 failures, then one every 10 s (spraying one password over many accounts).
// Sign-ups (each costs an argon2 hash): 50 per address, then one every 10 s.
// The buckets live in the database (rate_limit_buckets, one SQL on both databases), so behind N
// servers a guesser gets the same budget as against one: the servers share every bucket.
type TLimit = { bucket: string; capacity: number; refillPerSecond: number };
const ACCOUNT: TLimit = { bucket: "sign-in:account", capacity: 5, refillPerSecond: 1 / 60 };
const ADDRESS: TLimit = { bucket: "sign-in:address", capacity: 30, refillPerSecond: 1 / 10 };
const SIGN_UP: TLimit = { bucket: "sign-up:address", capacity: 50, refillPerSecond: 1 / 10 };

// Stored in UTC without a zone, like Prisma's DateTime columns; every read and write uses this clock.
const NOW = `(now() AT TIME ZONE 'UTC')`;
const REFILLED = (b: string) => `LEAST($3::float8, ${b}.tokens + EXTRACT(EPOCH FROM (${NOW} - ${b}.updated_at))::float8 * $4::float8)`;
// A bucket idle this long is full again (the slowest refills in 5 min), so its row says nothing: dropped now and then.
const FORGET_AFTER = `interval '1 hour'`;

type TOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

async function peek(limit: TLimit, key: string): Promise<TOutcome> {
  const { sql } = await getDb();
  const [row] = await sql.query<{ tokens: number }>(`SELECT ${REFILLED("b")} AS tokens FROM rate_limit_buckets b WHERE b.bucket = $1 AND b.key = $2`, [
    limit.bucket,
    key,
    limit.capacity,
    limit.refillPerSecond,
  ]);
  const tokens = row ? Number(row.tokens) : limit.capacity;
  return tokens >= 1 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / limit.refillPerSecond)) };
}

/** Takes one token atomically (the row is locked by the upsert, so concurrent servers never both take the last one). */
async function take(limit: TLimit, key: string): Promise<TOutcome> {
  const { sql } = await getDb();
  const taken = await sql.execute(
    `INSERT INTO rate_limit_buckets AS b (bucket, key, tokens, updated_at) VALUES ($1, $2, $3::float8 - 1, ${NOW})
     ON CONFLICT (bucket, key) DO UPDATE SET tokens = ${REFILLED("b")} - 1, updated_at = ${NOW}
     WHERE ${REFILLED("b")} >= 1`,
    [limit.bucket, key, limit.capacity, limit.refillPerSecond],
  );
  if (randomInt(100) === 0) await sql.execute(`DELETE FROM rate_limit_buckets WHERE updated_at < ${NOW} - ${FORGET_AFTER}`);
  return taken > 0 ? { ok: true } : peek(limit, key);
}

/** Throws RATE_LIMITED (with Retry-After) when this account or address has failed too often lately. */
export async function assertSignInAllowed(accountKey: string, address: string | null): Promise<void> {
  const [byAccount, byAddress] = await Promise.all([peek(ACCOUNT, accountKey), address ? peek(ADDRESS, address) : ({ ok: true } as const)]);
  const wait = Math.max(byAccount.ok ? 0 : byAccount.retryAfterSeconds, byAddress.ok ? 0 : byAddress.retryAfterSeconds);
  if (wait > 0) {
    throw new AppError("RATE_LIMITED", `Too many failed attempts. Try again in ${wait} s.`, { retryAfterSeconds: wait }, { "retry-after": String(wait) });
  }
}

export async function assertSignUpAllowed(address: string | null): Promise<void> {
  const result = await take(SIGN_UP, address ?? "unknown");
  if (!result.ok) throw new AppError("RATE_LIMITED", `Too many sign-ups from this address. Try again in ${result.retryAfterSeconds} s.`);
}

export async function recordSignInFailure(accountKey: string, address: string | null): Promise<void> {
  await take(ACCOUNT, accountKey);
  if (address) await take(ADDRESS, address);
}

/**
 * The client address for per-address limits: the last x-forwarded-for hop. A reverse proxy appends the
 * address it saw, so behind one the last hop is trustworthy. `next start` alone only fills the header
 * when the client sent none, so a directly exposed server can be fed fake addresses; the per-account
 * limit holds either way.
 */
export function clientAddress(forwardedFor: string | null | undefined): string | null {
  const last = forwardedFor?.split(",").pop()?.trim();
  return last ? last.slice(0, 64) : null;
}
