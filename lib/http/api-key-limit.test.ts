import { afterEach, describe, expect, it } from "vitest";

import { ADDRESS_LIMIT_DEFAULT, KEY_LIMIT_DEFAULT, parseLimit, takeAddressToken, takeApiKeyToken } from "./api-key-limit";

// The buckets live on globalThis for the server's lifetime: each test starts from fresh ones.
function resetLimiters(env: { UNIGAP_API_RATE_LIMIT?: string; UNIGAP_API_ADDRESS_RATE_LIMIT?: string }) {
  const store = globalThis as Record<symbol, unknown>;
  delete store[Symbol.for("unigap.apiKeyLimiter")];
  delete store[Symbol.for("unigap.apiAddressLimiter")];
  for (const [name, value] of Object.entries(env)) process.env[name] = value;
}

function refusal(take: () => void) {
  try {
    take();
  } catch (error) {
    return error as { code: string; message: string; headers?: Record<string, string> };
  }
  return null;
}

afterEach(() => {
  delete process.env.UNIGAP_API_RATE_LIMIT;
  delete process.env.UNIGAP_API_ADDRESS_RATE_LIMIT;
  resetLimiters({});
});

describe("API rate limits", () => {
  it("reads capacity/refillPerSecond and falls back to the defaults on anything else", () => {
    expect(parseLimit("50/2.5", KEY_LIMIT_DEFAULT)).toEqual({ capacity: 50, refillPerSecond: 2.5 });
    for (const bad of [undefined, "", "fast", "10", "0/5", "5/0", "-1/2"]) expect(parseLimit(bad, ADDRESS_LIMIT_DEFAULT)).toEqual(ADDRESS_LIMIT_DEFAULT);
    // Per address is more generous than per key: a lab behind one address runs several keys.
    expect(ADDRESS_LIMIT_DEFAULT.capacity).toBeGreaterThan(KEY_LIMIT_DEFAULT.capacity);
    expect(ADDRESS_LIMIT_DEFAULT.refillPerSecond).toBeGreaterThan(KEY_LIMIT_DEFAULT.refillPerSecond);
  });

  it("gives each address its own bucket and answers RATE_LIMITED with Retry-After", () => {
    resetLimiters({ UNIGAP_API_ADDRESS_RATE_LIMIT: "3/0.5" });
    for (let i = 0; i < 3; i++) expect(refusal(() => takeAddressToken("203.0.113.7"))).toBeNull();
    const refused = refusal(() => takeAddressToken("203.0.113.7"));
    expect(refused).toMatchObject({ code: "RATE_LIMITED", message: "Too many requests from this address; retry in 2 s.", headers: { "Retry-After": "2" } });
    expect(refusal(() => takeAddressToken("203.0.113.8"))).toBeNull();
    // No known address: nothing to count, never refused.
    for (let i = 0; i < 10; i++) expect(refusal(() => takeAddressToken(null))).toBeNull();
  });

  it("keeps the per-key and per-address buckets apart", () => {
    resetLimiters({ UNIGAP_API_RATE_LIMIT: "2/1", UNIGAP_API_ADDRESS_RATE_LIMIT: "100/1" });
    takeApiKeyToken("key-a");
    takeApiKeyToken("key-a");
    expect(refusal(() => takeApiKeyToken("key-a"))).toMatchObject({ code: "RATE_LIMITED", headers: { "Retry-After": "1" } });
    expect(refusal(() => takeApiKeyToken("key-b"))).toBeNull();
    expect(refusal(() => takeAddressToken("key-a"))).toBeNull();
  });
});
