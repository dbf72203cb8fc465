// Which webhook targets unigap may call (issue 14): http(s) only, bounded length, and no private,
// loopback or link-local address unless the server allows them (self-hosted labs, tests). Pure: the
// caller resolves DNS and passes every address, so a name pointing inside the network is refused too.
import { isIP } from "node:net";

const MAX_WEBHOOK_URL_LENGTH = 2000;

export type TUrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/** Checks the URL's shape before any lookup: scheme, length, no credentials. */
export function checkWebhookUrlShape(raw: string): TUrlVerdict {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) return { ok: false, reason: `URL longer than ${MAX_WEBHOOK_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a valid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, reason: `scheme ${url.protocol} is not http(s)` };
  if (url.username || url.password) return { ok: false, reason: "credentials in the URL are not allowed (use the signature)" };
  return { ok: true, url };
}

function ipv4Refused(ip: string): string | null {
  const [a = 0, b = 0] = ip.split(".").map(Number);
  if (a === 127) return "loopback";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 169 && b === 254) return "link-local";
  if (a === 0) return "unspecified";
  if (a === 100 && b >= 64 && b <= 127) return "shared (carrier-grade NAT)";
  if (a >= 224) return "multicast or reserved";
  return null;
}

/** Names why an address is refused (loopback, private, link-local, …), or null when it is public. */
export function refusedAddressKind(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, "").toLowerCase();
  const family = isIP(ip);
  if (family === 4) return ipv4Refused(ip);
  if (family !== 6) return "not an IP address";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped?.[1]) return ipv4Refused(mapped[1]);
  if (ip === "::1") return "loopback";
  if (ip === "::") return "unspecified";
  if (/^fe[89ab]/.test(ip)) return "link-local";
  if (/^f[cd]/.test(ip)) return "private (unique local)";
  if (/^ff/.test(ip)) return "multicast";
  return null;
}
