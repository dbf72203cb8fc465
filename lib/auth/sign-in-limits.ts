import "server-only";

import { AppError } from "@/lib/errors";
import { createRateLimiter, type TRateLimiter } from "@/lib/http/rate-limit";

// Only failed attempts are charged, so people who type their password right are never slowed down.
// Per account: 5 failures, then one more a minute (a guesser gets ~1,440 tries a day per account).
// Per address: 30 failures, then one every 10 s (spraying one password over many accounts).
// In-process: behind several servers each enforces its own share (see lib/http/rate-limit.ts).
const STATE_KEY = Symbol.for("unigap.signInLimits");
// Sign-ups (each costs an argon2 hash): 50 per address, then one every 10 s.
type TLimits = { account: TRateLimiter; address: TRateLimiter; signUp: TRateLimiter };
const limits = ((globalThis as Record<symbol, TLimits>)[STATE_KEY] ??= {
  account: createRateLimiter({ capacity: 5, refillPerSecond: 1 / 60 }),
  address: createRateLimiter({ capacity: 30, refillPerSecond: 1 / 10 }),
  signUp: createRateLimiter({ capacity: 50, refillPerSecond: 1 / 10 }),
});

/** Throws RATE_LIMITED (with Retry-After) when this account or address has failed too often lately. */
export function assertSignInAllowed(accountKey: string, address: string | null): void {
  const byAccount = limits.account.peek(accountKey);
  const byAddress = address ? limits.address.peek(address) : ({ ok: true } as const);
  const wait = Math.max(byAccount.ok ? 0 : byAccount.retryAfterSeconds, byAddress.ok ? 0 : byAddress.retryAfterSeconds);
  if (wait > 0) {
    throw new AppError("RATE_LIMITED", `Too many failed attempts. Try again in ${wait} s.`, { retryAfterSeconds: wait }, { "retry-after": String(wait) });
  }
}

export function assertSignUpAllowed(address: string | null): void {
  const result = limits.signUp.take(address ?? "unknown");
  if (!result.ok) throw new AppError("RATE_LIMITED", `Too many sign-ups from this address. Try again in ${result.retryAfterSeconds} s.`);
}

export function recordSignInFailure(accountKey: string, address: string | null): void {
  limits.account.take(accountKey);
  if (address) limits.address.take(address);
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
