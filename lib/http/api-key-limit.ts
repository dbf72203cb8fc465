import { AppError } from "@/lib/errors";

import { createRateLimiter, type TRateLimiter } from "./rate-limit";

// One token bucket per API key, so one flooding client gets 429s while the others go on. Sized so
// honest clients never meet it: the bench's 4 clients send ~20 batches a second, an image import a
// few hundred uploads in a burst. UNIGAP_API_RATE_LIMIT="capacity/refillPerSecond" changes it.
const DEFAULT = { capacity: 2_000, refillPerSecond: 200 };
const STATE_KEY = Symbol.for("unigap.apiKeyLimiter");

function parseLimit(value: string | undefined): { capacity: number; refillPerSecond: number } {
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(value?.trim() ?? "");
  if (!match) return DEFAULT;
  return { capacity: Number(match[1]), refillPerSecond: Number(match[2]) };
}

// Kept on globalThis: Next.js may load this module in several bundles, and one bucket per key must be shared.
function limiter(): TRateLimiter {
  const store = globalThis as Record<symbol, TRateLimiter | undefined>;
  return (store[STATE_KEY] ??= createRateLimiter(parseLimit(process.env.UNIGAP_API_RATE_LIMIT)));
}

/** Takes one request's token for this key or throws RATE_LIMITED with Retry-After. */
export function takeApiKeyToken(keyId: string): void {
  const result = limiter().take(keyId);
  if (result.ok) return;
  throw new AppError(
    "RATE_LIMITED",
    `Too many requests with this API key; retry in ${result.retryAfterSeconds} s.`,
    { retryAfterSeconds: result.retryAfterSeconds },
    { "Retry-After": String(result.retryAfterSeconds) },
  );
}
