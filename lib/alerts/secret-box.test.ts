import { describe, expect, it } from "vitest";

import { isSealed, openSecret, sealSecret } from "./secret-box";

const ID = "6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab";
const OTHER_ID = "00000000-4a5b-4c6d-8e7f-0123456789ab";
const PLAIN = "ugw_0123456789abcdefghijklmnopqrstuv";

describe("webhook secrets at rest", () => {
  it("seals with a fresh IV, never shows the secret, and opens with the same server secret and webhook", () => {
    const a = sealSecret(PLAIN, ID, "server-secret-1");
    const b = sealSecret(PLAIN, ID, "server-secret-1");
    expect(isSealed(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain(PLAIN);
    expect(a).not.toContain("server-secret-1");
    expect(openSecret(a, ID, { current: "server-secret-1" })).toEqual({ ok: true, secret: PLAIN, sealedWith: "current" });
  });

  it("refuses another webhook's row, an altered value and another server secret, each with its reason", () => {
    const sealed = sealSecret(PLAIN, ID, "server-secret-1");
    expect(openSecret(sealed, OTHER_ID, { current: "server-secret-1" })).toMatchObject({ ok: false, reason: expect.stringContaining("copied from another") });
    const parts = sealed.split(":");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    const altered = [...parts.slice(0, 4), body.toString("base64url")].join(":");
    expect(openSecret(altered, ID, { current: "server-secret-1" })).toMatchObject({ ok: false, reason: expect.stringContaining("altered") });
    expect(openSecret(sealed, ID, { current: "server-secret-2" })).toMatchObject({ ok: false, reason: expect.stringContaining("NEXTAUTH_SECRET changed") });
    expect(openSecret("sealed:v1:broken", ID, { current: "server-secret-1" })).toMatchObject({ ok: false, reason: expect.stringContaining("malformed") });
  });

  it("opens with the previous server secret during a rotation, and passes legacy plain values through", () => {
    const sealed = sealSecret(PLAIN, ID, "old-secret");
    expect(openSecret(sealed, ID, { current: "new-secret", previous: "old-secret" })).toEqual({ ok: true, secret: PLAIN, sealedWith: "previous" });
    expect(openSecret(PLAIN, ID, { current: "new-secret" })).toEqual({ ok: true, secret: PLAIN, sealedWith: "plain" });
  });
});
