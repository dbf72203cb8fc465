import "server-only";

import { AppError } from "@/lib/errors";

import { peekBucket as peek, takeFromBucket as take, type TLimit } from "./rate-limit-repository";

// Only failed attempts are charged, so people who type their password right are never slowed down.
// Per account: 5 failures, then one more a minute (a guesser gets ~1,440 tries a day per account).
// Per address: 30 failures, then one every 10 s (spraying one password over many accounts).
// Sign-ups (each costs an argon2 hash): 50 per address, then one every 10 s.
// The buckets live in the database (rate_limit_buckets, one SQL on both databases), so behind N
// servers a guesser gets the same budget as against one: the servers share every bucket.
const ACCOUNT: TLimit = { bucket: "sign-in:account", capacity: 5, refillPerSecond: 1 / 60 };
const ADDRESS: TLimit = { bucket: "sign-in:address", capacity: 30, refillPerSecond: 1 / 10 };
const SIGN_UP: TLimit = { bucket: "sign-up:address", capacity: 50, refillPerSecond: 1 / 10 };

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
