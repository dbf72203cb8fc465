// In-process token buckets for API keys flooding ingestion: behind several servers each enforces its own
// share (a flood is a capacity problem, not a security one). Sign-in limits share theirs in the database.

export type TRateLimiter = {
  /** Takes `cost` tokens for `key`; when empty, says how long until enough are back. */
  take(key: string, cost?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
  /** Like take, without spending: for limits that only charge failures (sign-in). */
  peek(key: string, cost?: number): { ok: true } | { ok: false; retryAfterSeconds: number };
};

export function createRateLimiter(options: { capacity: number; refillPerSecond: number; now?: () => number; maxKeys?: number }): TRateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, cost = 1) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: options.capacity, at: t };
      bucket.tokens = Math.min(options.capacity, bucket.tokens + ((t - bucket.at) / 1000) * options.refillPerSecond);
      bucket.at = t;
      buckets.delete(key); // re-insert: the Map's order is then least-recently-used first
      buckets.set(key, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / options.refillPerSecond)) };
    },
    peek(key, cost = 1) {
      const bucket = buckets.get(key);
      const tokens = bucket ? Math.min(options.capacity, bucket.tokens + ((now() - bucket.at) / 1000) * options.refillPerSecond) : options.capacity;
      if (tokens >= cost) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / options.refillPerSecond)) };
    },
  };
}
