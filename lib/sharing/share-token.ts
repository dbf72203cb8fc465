import { generateSecret, hashSecret } from "@/lib/auth/tokens";

// Share tokens are 256-bit secrets like API keys, with their own prefix so one Authorization header
// can carry either and the server tells them apart without a lookup.
const SHARE_TOKEN_PREFIX = "ugs_";

export function createShareSecret(): { token: string; tokenHash: string } {
  const token = generateSecret(SHARE_TOKEN_PREFIX);
  return { token, tokenHash: hashSecret(token) };
}

export function looksLikeShareToken(value: string): boolean {
  return value.startsWith(SHARE_TOKEN_PREFIX) && value.length > SHARE_TOKEN_PREFIX.length + 20 && value.length < 200;
}

/**
 * After the token has been exchanged, the browser holds it in an http-only cookie named after the
 * link, so several shared views can be open at once and the visible URL carries only the link id.
 */
export function shareCookieName(linkId: string, isSecure: boolean): string {
  return `${isSecure ? "__Host-" : ""}unigap-share-${linkId}`;
}
