import { describe, expect, it } from "vitest";

import { nextRetryAt } from "./delivery";

describe("webhook retries", () => {
  const config = { timeoutMs: 5000, retryBaseMs: 2000, retryWindowMs: 60_000, maxAttempts: 12 };
  const created = new Date("2026-12-03T12:00:00Z");

  it("doubles the delay after each failure", () => {
    const now = created;
    expect(nextRetryAt(1, created, now, config)!.getTime() - now.getTime()).toBe(2000);
    expect(nextRetryAt(2, created, now, config)!.getTime() - now.getTime()).toBe(4000);
    expect(nextRetryAt(4, created, now, config)!.getTime() - now.getTime()).toBe(16_000);
  });

  it("gives up after the window or the most attempts: the delivery is then failing", () => {
    expect(nextRetryAt(5, created, new Date(created.getTime() + 50_000), config)).toBeNull();
    expect(nextRetryAt(12, created, created, config)).toBeNull();
  });
});
