import "server-only";

// Webhook secrets at rest (issue 14). The server must sign every delivery with the webhook's secret, so it
// cannot keep only a hash; it keeps the secret sealed with AES-256-GCM under a key derived (HKDF-SHA256) from
// the server's secret, NEXTAUTH_SECRET, bound to the webhook's id (additional data), so a sealed value copied
// onto another webhook's row does not open. Stored form: `sealed:v1:<key id>:<iv>:<ciphertext+tag>` (base64url);
// the key id names the server secret that sealed it, so a value sealed under another one fails with a clear
// reason instead of a wrong signature. Values without the prefix are legacy plain secrets (rows written before
// sealing): they still work and are sealed on the next start (sealLegacyWebhookSecrets).
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

const PREFIX = "sealed:v1:";
const SALT = Buffer.from("unigap webhook secrets", "utf8");
const INFO = Buffer.from("webhook-secret/v1", "utf8");

type TKey = { id: string; key: Buffer };

const keys = new Map<string, TKey>();
/** The AES key of a server secret and its short public id (a hash of the key: it reveals nothing usable). */
function deriveKey(serverSecret: string): TKey {
  let key = keys.get(serverSecret);
  if (!key) {
    const bytes = Buffer.from(hkdfSync("sha256", Buffer.from(serverSecret, "utf8"), SALT, INFO, 32));
    key = { id: createHash("sha256").update(bytes).digest("base64url").slice(0, 8), key: bytes };
    keys.set(serverSecret, key);
  }
  return key;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** Seals a webhook's secret for its row; a fresh random IV each time. */
export function sealSecret(plain: string, webhookId: string, serverSecret: string): string {
  const { id, key } = deriveKey(serverSecret);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(`webhook:${webhookId}`, "utf8"));
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${id}:${iv.toString("base64url")}:${sealed.toString("base64url")}`;
}

export type TOpened = { ok: true; secret: string; sealedWith: "current" | "previous" | "plain" } | { ok: false; reason: string };

/**
 * Opens a stored secret with the current server secret or, during a rotation, the previous one
 * (UNIGAP_PREVIOUS_NEXTAUTH_SECRET). Legacy plain values are returned as they are.
 */
export function openSecret(stored: string, webhookId: string, serverSecrets: { current: string; previous?: string | null }): TOpened {
  if (!isSealed(stored)) return { ok: true, secret: stored, sealedWith: "plain" };
  const [keyId, iv, body] = stored.slice(PREFIX.length).split(":");
  if (!keyId || !iv || !body) return { ok: false, reason: "the stored webhook secret is malformed" };
  const candidates: [TKey, "current" | "previous"][] = [[deriveKey(serverSecrets.current), "current"]];
  if (serverSecrets.previous) candidates.push([deriveKey(serverSecrets.previous), "previous"]);
  const match = candidates.find(([k]) => k.id === keyId);
  if (!match)
    return {
      ok: false,
      reason:
        "the webhook's secret was sealed under another server secret (NEXTAUTH_SECRET changed; set UNIGAP_PREVIOUS_NEXTAUTH_SECRET or re-create the webhook)",
    };
  try {
    const bytes = Buffer.from(body, "base64url");
    const decipher = createDecipheriv("aes-256-gcm", match[0].key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`webhook:${webhookId}`, "utf8"));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plain = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
    return { ok: true, secret: plain, sealedWith: match[1] };
  } catch {
    return { ok: false, reason: "the stored webhook secret does not open (altered, or copied from another webhook)" };
  }
}

/** The server's secrets as the running server has them (boot puts a generated NEXTAUTH_SECRET in the environment). */
export function serverSecrets(): { current: string; previous: string | null } {
  const current = process.env.NEXTAUTH_SECRET;
  if (!current) throw new Error("NEXTAUTH_SECRET is not set: webhook secrets cannot be sealed or opened");
  return { current, previous: process.env.UNIGAP_PREVIOUS_NEXTAUTH_SECRET || null };
}
