import { AppError } from "@/lib/errors";

import { createRateLimiter, type TRateLimiter } from "./rate-limit";

// Two token buckets in front of the API, so one flooding client gets 429s while the others go on:
// one per API key, one per client address (every request, with or without a valid key, so rotating
// keys or guessing them does not get around it). Sized so honest clients never meet them: the bench's
// 4 clients send ~20 batches a second, an image import a few hundred uploads in a burst, and a lab
// behind one NAT address runs many keys. "capacity/refillPerSecond" in UNIGAP_API_RATE_LIMIT (per key)
// and UNIGAP_API_ADDRESS_RATE_LIMIT (per address) changes them.
type TLimit = { capacity: number; refillPerSecond: number };

export const KEY_LIMIT_DEFAULT: TLimit = { capacity: 2_000, refillPerSecond: 200 };
export const ADDRESS_LIMIT_DEFAULT: TLimit = { capacity: 20_000, refillPerSecond: 2_000 };
const STATE_KEY = Symbol.for("unigap.apiKeyLimiter");
const ADDRESS_STATE_KEY = Symbol.for("unigap.apiAddressLimiter");

/** "capacity/refillPerSecond", e.g. "2000/200"; anything else (unset, malformed, zero) is the default. */
export function parseLimit(value: string | undefined, fallback: TLimit): TLimit {
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(value?.trim() ?? "");
  if (!match) return fallback;
  const limit = { capacity: Number(match[1]), refillPerSecond: Number(match[2]) };
  return limit.capacity > 0 && limit.refillPerSecond > 0 ? limit : fallback;
}

// Kept on globalThis: Next.js may load this module in several bundles, and one bucket per key must be shared.
function limiter(stateKey: symbol, create: () => TRateLimiter): TRateLimiter {
  const store = globalThis as Record<symbol, TRateLimiter | undefined>;
  return (store[stateKey] ??= create());
}

function rateLimited(what: string, retryAfterSeconds: number): AppError {
  return new AppError(
    "RATE_LIMITED",
    `Too many requests ${what}; retry in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/** Takes one request's token for this key or throws RATE_LIMITED with Retry-After. */
export function takeApiKeyToken(keyId: string): void {
  const result = limiter(STATE_KEY, () => createRateLimiter(parseLimit(process.env.UNIGAP_API_RATE_LIMIT, KEY_LIMIT_DEFAULT))).take(keyId);
  if (!result.ok) throw rateLimited("with this API key", result.retryAfterSeconds);
}

/** Takes one request's token for this client address (null: none known, nothing to count) or throws RATE_LIMITED. */
export function takeAddressToken(address: string | null): void {
  if (!address) return;
  const result = limiter(ADDRESS_STATE_KEY, () => createRateLimiter(parseLimit(process.env.UNIGAP_API_ADDRESS_RATE_LIMIT, ADDRESS_LIMIT_DEFAULT))).take(
    address,
  );
  if (!result.ok) throw rateLimited("from this address", result.retryAfterSeconds);
}
