// Random secrets (API keys, share links, invites): 256 bits from the CSPRNG, stored only as their
// SHA-256. A secret with this much entropy needs no slow hash; comparisons are constant-time.
import "server-only";

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function generateSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function secretsEqual(aHex: string, bHex: string): boolean {
  const a = Buffer.from(aHex, "hex");
  const b = Buffer.from(bHex, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
