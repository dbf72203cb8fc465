import { generateSecret, hashSecret } from "./tokens";

const API_KEY_PREFIX = "ugk_";
const DISPLAY_CHARS = 8;

export type TNewApiKey = { secret: string; prefix: string; keyHash: string };

/** A new project API key: the secret is returned once; only prefix and hash are stored. */
export function createApiKeySecret(): TNewApiKey {
  const secret = generateSecret(API_KEY_PREFIX);
  return { secret, prefix: secret.slice(0, API_KEY_PREFIX.length + DISPLAY_CHARS), keyHash: hashSecret(secret) };
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && value.length > API_KEY_PREFIX.length + 20 && value.length < 200;
}
