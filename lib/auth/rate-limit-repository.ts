import "server-only";

import { randomInt } from "node:crypto";

import { getDb } from "@/lib/db/client";

// Token buckets in rate_limit_buckets (one SQL on both databases), shared by every server on the
// database: a row holds the tokens left at updated_at; reads add the refill since then.

export type TLimit = { bucket: string; capacity: number; refillPerSecond: number };

// Stored in UTC without a zone, like Prisma's DateTime columns; every read and write uses this clock.
const NOW = `(now() AT TIME ZONE 'UTC')`;
// The elapsed time is never negative: updated_at is kept to the millisecond (timestamp(3)) and may be
// rounded up past a later statement's now(), which would otherwise take a fraction of a token back — the
// last of 5 failures could then be refused at 0.9999 tokens and the next read, a moment later, allow one.
const REFILLED = (b: string) => `LEAST($3::float8, ${b}.tokens + GREATEST(0, EXTRACT(EPOCH FROM (${NOW} - ${b}.updated_at)))::float8 * $4::float8)`;
// A bucket idle this long is full again (the slowest refills in 5 min), so its row says nothing: dropped now and then.
const FORGET_AFTER = `interval '1 hour'`;

type TOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

export async function peekBucket(limit: TLimit, key: string): Promise<TOutcome> {
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
export async function takeFromBucket(limit: TLimit, key: string): Promise<TOutcome> {
  const { sql } = await getDb();
  const taken = await sql.execute(
    `INSERT INTO rate_limit_buckets AS b (bucket, key, tokens, updated_at) VALUES ($1, $2, $3::float8 - 1, ${NOW})
     ON CONFLICT (bucket, key) DO UPDATE SET tokens = ${REFILLED("b")} - 1, updated_at = ${NOW}
     WHERE ${REFILLED("b")} >= 1`,
    [limit.bucket, key, limit.capacity, limit.refillPerSecond],
  );
  if (randomInt(100) === 0) await sql.execute(`DELETE FROM rate_limit_buckets WHERE updated_at < ${NOW} - ${FORGET_AFTER}`);
  return taken > 0 ? { ok: true } : peekBucket(limit, key);
}
