import "server-only";

// The webhook worker (issue 14): sends due deliveries off the request path, signed, with short
// timeouts and no redirects; a failed attempt is retried with exponential backoff for a bounded
// time, every attempt logged, then the delivery is marked failing. Addresses are checked when the
// connection is made (the lookup itself refuses private, loopback and link-local answers), so a
// name that resolves inside the network is refused even if it changed since the webhook was made.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

import { checkWebhookUrlShape, refusedAddressKind } from "./address-policy";
import { openSecret, serverSecrets } from "./secret-box";
import { signWebhookBody } from "./signature";
import { claimDueDeliveries, nextDueAt, recordAttempt, type TClaimedDelivery } from "./webhook-repository";

const env = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const settings = () => ({
  timeoutMs: env("UNIGAP_WEBHOOK_TIMEOUT_MS", 5000),
  retryBaseMs: env("UNIGAP_WEBHOOK_RETRY_BASE_MS", 2000),
  retryWindowMs: env("UNIGAP_WEBHOOK_RETRY_WINDOW_MS", 3_600_000),
  maxAttempts: env("UNIGAP_WEBHOOK_MAX_ATTEMPTS", 12),
});
const MAX_RETRY_DELAY_MS = 15 * 60_000;
const BATCH = 10;
const SWEEP_MS = 30_000;

export function privateAddressesAllowed(): boolean {
  return process.env.UNIGAP_WEBHOOK_ALLOW_PRIVATE === "1";
}

/** A DNS lookup that fails when any answer is a refused address (unless allowed). */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as unknown as LookupAddress[];
    const refused = privateAddressesAllowed() ? null : list.map((a) => refusedAddressKind(a.address)).find((kind) => kind !== null);
    if (refused) return callback(Object.assign(new Error(`${hostname} resolves to a ${refused} address`), { code: "EREFUSEDADDRESS" }), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
    callback(null, first.address, first.family);
  });
};

type TAttemptResult = { statusCode: number | null; error: string | null };

/** One POST; resolves (never rejects) with the status or the reason there was none. */
function post(rawUrl: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<TAttemptResult> {
  const shape = checkWebhookUrlShape(rawUrl);
  if (!shape.ok) return Promise.resolve({ statusCode: null, error: shape.reason });
  const { url } = shape;
  const literal = refusedAddressKind(url.hostname);
  if (literal !== null && literal !== "not an IP address" && !privateAddressesAllowed()) {
    return Promise.resolve({ statusCode: null, error: `${url.hostname} is a ${literal} address` });
  }
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: TAttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup: guardedLookup, timeout: timeoutMs },
      (response) => {
        response.resume(); // the receiver's answer is not kept, only its status
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) done({ statusCode: status, error: "redirect not followed" });
        else done({ statusCode: status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` });
        response.on("error", () => undefined);
      },
    );
    // The whole attempt is bounded, not only idle time: a receiver trickling bytes is cut off too.
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", (error) => done({ statusCode: null, error: error.message }));
    request.end(body);
  });
}

/** When the next attempt is due after `attempts` failures, or null when the delivery has had its time. */
export function nextRetryAt(attempts: number, createdAt: Date, now: Date, config = settings()): Date | null {
  if (attempts >= config.maxAttempts) return null;
  const delay = Math.min(MAX_RETRY_DELAY_MS, config.retryBaseMs * 2 ** (attempts - 1));
  const at = now.getTime() + delay;
  return at > createdAt.getTime() + config.retryWindowMs ? null : new Date(at);
}

async function attempt(delivery: TClaimedDelivery): Promise<void> {
  const config = settings();
  const number = delivery.attempts + 1;
  const started = new Date();
  const timestamp = String(Math.floor(started.getTime() / 1000));
  const event = (JSON.parse(delivery.body) as { event?: string }).event ?? "alert";
  // A secret that does not open is logged as the attempt's error; nothing unsigned or wrongly signed is sent.
  const secret = openSecret(delivery.secret, delivery.webhookId, serverSecrets());
  const result: TAttemptResult = !secret.ok
    ? { statusCode: null, error: secret.reason }
    : await post(
        delivery.url,
        delivery.body,
        {
          "content-type": "application/json",
          "user-agent": "unigap-webhooks/1",
          "x-unigap-signature": signWebhookBody(secret.secret, delivery.body),
          "x-unigap-timestamp": timestamp,
          "x-unigap-delivery": delivery.id,
          "x-unigap-event": event,
        },
        config.timeoutMs,
      );
  const latencyMs = Date.now() - started.getTime();
  const ok = result.error === null;
  const next = ok ? null : nextRetryAt(number, delivery.createdAt, new Date(), config);
  await recordAttempt(
    delivery.id,
    { number, at: started, statusCode: result.statusCode, latencyMs, error: result.error },
    { status: ok ? "delivered" : next ? "pending" : "failing", nextAttemptAt: next },
  );
}

type TWorker = { running: Promise<void> | null; again: boolean; timer: NodeJS.Timeout | null; sweep: NodeJS.Timeout | null };
const WORKER_KEY = Symbol.for("unigap.webhookWorker");
const worker = ((globalThis as Record<symbol, TWorker>)[WORKER_KEY] ??= { running: null, again: false, timer: null, sweep: null });

async function drain(): Promise<void> {
  const leaseMs = settings().timeoutMs * 2 + 1000;
  for (;;) {
    const due = await claimDueDeliveries(BATCH, leaseMs);
    if (due.length === 0) break;
    await Promise.all(due.map((d) => attempt(d).catch((error: unknown) => console.error(`[unigap] webhook delivery ${d.id} failed to record`, error))));
  }
  const next = await nextDueAt();
  if (next) wakeAt(next.getTime() - Date.now());
}

function wakeAt(ms: number): void {
  if (worker.timer) clearTimeout(worker.timer);
  worker.timer = setTimeout(kickDeliveries, Math.max(50, Math.min(ms, SWEEP_MS)));
  worker.timer.unref?.();
}

/**
 * Sends what is due now, off the caller's path; calls while it runs make it look again afterwards.
 * Only a server that started the worker sends (tests and scripts leave deliveries queued).
 */
export function kickDeliveries(): void {
  if (!worker.sweep) return;
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.again = false;
  worker.running = drain()
    .catch((error: unknown) => console.error("[unigap] webhook worker failed", error))
    .finally(() => {
      worker.running = null;
      if (worker.again) kickDeliveries();
    });
}

/** At start: a sweep picks up deliveries left pending by a restart, and retries whose time came. */
export function startDeliveryWorker(): void {
  if (worker.sweep) return;
  worker.sweep = setInterval(kickDeliveries, SWEEP_MS);
  worker.sweep.unref?.();
  kickDeliveries();
}
