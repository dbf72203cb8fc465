import { describe, expect, it } from "vitest";

import { createApiKeySecret, looksLikeApiKey } from "./api-key-format";
import { generateSecret, hashSecret, secretsEqual } from "./tokens";

describe("secrets", () => {
  it("generates 256-bit url-safe secrets that never repeat", () => {
    const secrets = new Set(Array.from({ length: 200 }, () => generateSecret("x_")));
    expect(secrets.size).toBe(200);
    for (const s of secrets) expect(s).toMatch(/^x_[A-Za-z0-9_-]{43}$/);
  });

  it("stores API keys as sha256 with a short display prefix", () => {
    const key = createApiKeySecret();
    expect(looksLikeApiKey(key.secret)).toBe(true);
    expect(key.keyHash).toBe(hashSecret(key.secret));
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    expect(key.prefix).toHaveLength(12);
    expect(key.keyHash).not.toContain(key.secret.slice(4));
  });

  it("compares hashes in constant time and rejects different lengths", () => {
    expect(secretsEqual(hashSecret("a"), hashSecret("a"))).toBe(true);
    expect(secretsEqual(hashSecret("a"), hashSecret("b"))).toBe(false);
    expect(secretsEqual(hashSecret("a"), "ab")).toBe(false);
  });
});
