import { describe, expect, it } from "vitest";

import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows a burst up to capacity, then says when to retry, then refills", () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 1, now: () => t });
    expect([1, 2, 3].map(() => limiter.take("k").ok)).toEqual([true, true, true]);
    expect(limiter.take("k")).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take("other").ok).toBe(true);
    t = 2000;
    expect(limiter.take("k").ok).toBe(true);
    expect(limiter.take("k").ok).toBe(true);
    expect(limiter.take("k").ok).toBe(false);
  });

  it("charges weighted costs and forgets the least recently used keys beyond maxKeys", () => {
    const t = 0;
    const limiter = createRateLimiter({ capacity: 10, refillPerSecond: 2, now: () => t, maxKeys: 2 });
    expect(limiter.take("a", 10).ok).toBe(true);
    expect(limiter.take("a", 4)).toEqual({ ok: false, retryAfterSeconds: 2 });
    limiter.take("b");
    limiter.take("c"); // evicts "a", which starts full again
    expect(limiter.take("a", 10).ok).toBe(true);
  });

  it("peeks without spending", () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1, now: () => 0 });
    expect(limiter.peek("k").ok).toBe(true);
    expect(limiter.peek("k").ok).toBe(true);
    expect(limiter.take("k").ok).toBe(true);
    expect(limiter.peek("k")).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});
