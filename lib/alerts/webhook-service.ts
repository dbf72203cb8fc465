import "server-only";

import { randomUUID } from "node:crypto";
import { lookup } from "node:dns/promises";

import type { TCreateWebhookRequest, TWebhookEvent } from "@/lib/api/contracts/alerts";
import { WEBHOOK_EVENTS } from "@/lib/api/contracts/alerts";
import type { TActor } from "@/lib/auth/actor";
import { requireProjectRole } from "@/lib/auth/permissions";
import { generateSecret } from "@/lib/auth/tokens";
import { AppError, notFound } from "@/lib/errors";
import { findProjectBySlug } from "@/lib/projects/repository";

import { checkWebhookUrlShape, refusedAddressKind } from "./address-policy";
import { privateAddressesAllowed } from "./delivery";
import { isSealed, openSecret, sealSecret, serverSecrets } from "./secret-box";
import {
  countWebhooks,
  deleteWebhookRow,
  findWebhookInProject,
  insertWebhook,
  listDeliveryRows,
  listStoredWebhookSecrets,
  listWebhooks,
  replaceStoredWebhookSecret,
} from "./webhook-repository";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_WEBHOOKS_PER_PROJECT = 20;
const DEFAULT_EVENTS: TWebhookEvent[] = ["alert.opened", "alert.resolved"];

/** Owners in settings, and the project's own admin-scoped API key through the API (issues 14, 17); editors, viewers and ingest or read keys may not. */
async function requireWebhookManager(actor: TActor, slug: string) {
  const project = await findProjectBySlug(slug);
  if (!project) throw notFound("Project", slug);
  await requireProjectRole(actor, project.id, "owner");
  return project;
}

const refuse = (reason: string) => new AppError("INVALID_INPUT", `The webhook URL is refused: ${reason}.`, { field: "url", reason });

/** http(s), bounded, no credentials, and every address the name resolves to public (unless UNIGAP_WEBHOOK_ALLOW_PRIVATE=1). */
async function checkTarget(raw: string): Promise<string> {
  const shape = checkWebhookUrlShape(raw);
  if (!shape.ok) throw refuse(shape.reason);
  if (privateAddressesAllowed()) return shape.url.toString();
  const host = shape.url.hostname.replace(/^\[|\]$/g, "");
  const literal = refusedAddressKind(host);
  if (literal !== "not an IP address") {
    if (literal !== null) throw refuse(`${host} is a ${literal} address`);
    return shape.url.toString();
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw refuse(`${host} does not resolve`);
  }
  for (const { address } of addresses) {
    const kind = refusedAddressKind(address);
    if (kind !== null) throw refuse(`${host} resolves to ${address}, a ${kind} address`);
  }
  return shape.url.toString();
}

/** Creates a webhook; the secret is returned this once (the server keeps it to sign deliveries). */
export async function createWebhook(actor: TActor, slug: string, body: TCreateWebhookRequest) {
  const project = await requireWebhookManager(actor, slug);
  const url = await checkTarget(body.url);
  if ((await countWebhooks(project.id)) >= MAX_WEBHOOKS_PER_PROJECT)
    throw new AppError("INVALID_INPUT", `A project has at most ${MAX_WEBHOOKS_PER_PROJECT} webhooks; delete one first.`, { field: "url" });
  const secret = generateSecret("ugw_");
  const events = [...new Set(body.events ?? DEFAULT_EVENTS)].sort((a, b) => WEBHOOK_EVENTS.indexOf(a) - WEBHOOK_EVENTS.indexOf(b));
  const id = randomUUID();
  const row = await insertWebhook({
    id,
    projectId: project.id,
    url,
    events,
    format: body.format ?? "json",
    secret: sealSecret(secret, id, serverSecrets().current),
    createdById: actor.kind === "user" ? actor.userId : null,
  });
  return { id: row.id, url: row.url, events: row.events, format: row.format, createdAt: row.createdAt.toISOString(), secret };
}

export async function getWebhooks(actor: TActor, slug: string) {
  const project = await requireWebhookManager(actor, slug);
  const rows = await listWebhooks(project.id);
  return {
    webhooks: rows.map((w) => ({
      id: w.id,
      url: w.url,
      events: w.events,
      format: w.format,
      createdAt: w.createdAt.toISOString(),
      status: w.deliveries[0]?.status ?? null,
      lastDeliveries: w.deliveries.map((d) => ({
        id: d.id,
        event: d.event,
        status: d.status,
        attempts: d.attempts,
        createdAt: d.createdAt.toISOString(),
        deliveredAt: d.deliveredAt?.toISOString() ?? null,
        lastAttempt: d.attemptLog[0] ?? null,
      })),
    })),
  };
}

export async function deleteWebhook(actor: TActor, slug: string, webhookId: string): Promise<{ deleted: true }> {
  const project = await requireWebhookManager(actor, slug);
  if (!UUID.test(webhookId) || (await deleteWebhookRow(project.id, webhookId)) === 0) throw notFound("Webhook", webhookId);
  return { deleted: true };
}

/** The attempt log of a webhook's latest deliveries: status code, latency, error and the next retry of each attempt. */
export async function getWebhookDeliveries(actor: TActor, slug: string, webhookId: string) {
  const project = await requireWebhookManager(actor, slug);
  if (!UUID.test(webhookId) || !(await findWebhookInProject(project.id, webhookId))) throw notFound("Webhook", webhookId);
  const rows = await listDeliveryRows(webhookId, 100);
  return {
    deliveries: rows.map((d) => ({
      id: d.id,
      alertId: d.alertId,
      event: d.event,
      status: d.status,
      attempts: d.attempts,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
      attemptLog: d.attemptLog.map((a) => ({
        attempt: a.attempt,
        at: a.at.toISOString(),
        statusCode: a.statusCode,
        latencyMs: a.latencyMs,
        error: a.error,
        nextAttemptAt: a.nextAttemptAt?.toISOString() ?? null,
      })),
    })),
  };
}

/**
 * At start (the webhook worker's first step): seals legacy plain secrets, and re-seals under the current
 * server secret those sealed under UNIGAP_PREVIOUS_NEXTAUTH_SECRET, so the previous secret can be dropped
 * after one start. Conditional updates: several servers starting at once do it once per row.
 */
export async function sealLegacyWebhookSecrets(): Promise<{ sealed: number; resealed: number; unreadable: number }> {
  const secrets = serverSecrets();
  const counts = { sealed: 0, resealed: 0, unreadable: 0 };
  for (const row of await listStoredWebhookSecrets()) {
    const opened = openSecret(row.secret, row.id, secrets);
    if (!opened.ok) counts.unreadable++;
    else if (opened.sealedWith !== "current" || !isSealed(row.secret)) {
      if (await replaceStoredWebhookSecret(row.id, row.secret, sealSecret(opened.secret, row.id, secrets.current))) {
        counts[opened.sealedWith === "plain" ? "sealed" : "resealed"]++;
      }
    }
  }
  return counts;
}
