import "server-only";

// Webhook signatures (issue 14): receivers verify `X-Unigap-Signature: sha256=<hex>` as the HMAC-SHA256 of
// the raw body under the webhook's secret; the timestamp header lets them refuse replays.
import { createHmac, timingSafeEqual } from "node:crypto";

/** Signs the exact bytes sent, so a receiver can verify before parsing. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** Constant-time check of a received header against the body. */
export function verifyWebhookSignature(secret: string, body: string, header: string | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const received = Buffer.from(header);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
