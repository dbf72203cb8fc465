import { describe, expect, it } from "vitest";

import { buildContentSecurityPolicy, createNonce } from "./csp";

describe("Content-Security-Policy", () => {
  it("allows only this response's scripts and forbids framing", () => {
    const csp = buildContentSecurityPolicy({ nonce: "abc", isDev: false, isHttps: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("lets the dev server eval and upgrades requests behind https", () => {
    expect(buildContentSecurityPolicy({ nonce: "n", isDev: true, isHttps: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests$/);
  });

  it("makes a different 128-bit nonce every time", () => {
    const a = createNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });
});
