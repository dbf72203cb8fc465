import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "./signature";

describe("webhook signature", () => {
  it("is the hex HMAC-SHA256 of the body and verifies only with the same secret and body", () => {
    const header = signWebhookBody("s3cret", '{"a":1}');
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature("s3cret", '{"a":1}', header)).toBe(true);
    expect(verifyWebhookSignature("other", '{"a":1}', header)).toBe(false);
    expect(verifyWebhookSignature("s3cret", '{"a":2}', header)).toBe(false);
    expect(verifyWebhookSignature("s3cret", '{"a":1}', null)).toBe(false);
  });
});
