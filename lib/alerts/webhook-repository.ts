import "server-only";

import { getDb } from "@/lib/db/client";
import type { WebhookFormat } from "@/lib/db/generated/client";

// Webhooks, their deliveries (one per event and webhook, written with the alert's change) and every
// attempt. The secret is stored sealed (secret-box.ts: AES-256-GCM under a key derived from the server's
// secret); this file only moves the stored form. It leaves the server only once, at creation.

export async function insertWebhook(data: {
  id: string;
  projectId: string;
  url: string;
  events: string[];
  format: WebhookFormat;
  secret: string;
  createdById: string | null;
}) {
  const { prisma } = await getDb();
  return prisma.webhook.create({ data, select: { id: true, url: true, events: true, format: true, createdAt: true } });
}

export async function listWebhooks(projectId: string) {
  const { prisma } = await getDb();
  return prisma.webhook.findMany({
    where: { projectId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      events: true,
      format: true,
      createdAt: true,
      deliveries: {
        orderBy: { createdAt: "desc" },
        take: 5,
        select: {
          id: true,
          event: true,
          status: true,
          attempts: true,
          createdAt: true,
          deliveredAt: true,
          attemptLog: { orderBy: { attempt: "desc" }, take: 1, select: { statusCode: true, latencyMs: true, error: true } },
        },
      },
    },
  });
}

export async function countWebhooks(projectId: string): Promise<number> {
  const { prisma } = await getDb();
  return prisma.webhook.count({ where: { projectId } });
}

export async function deleteWebhookRow(projectId: string, id: string): Promise<number> {
  const { prisma } = await getDb();
  return (await prisma.webhook.deleteMany({ where: { id, projectId } })).count;
}

export async function findWebhookInProject(projectId: string, id: string) {
  const { prisma } = await getDb();
  return prisma.webhook.findFirst({ where: { id, projectId }, select: { id: true } });
}

export async function listDeliveryRows(webhookId: string, limit: number) {
  const { prisma } = await getDb();
  return prisma.webhookDelivery.findMany({
    where: { webhookId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: {
      id: true,
      alertId: true,
      event: true,
      status: true,
      attempts: true,
      createdAt: true,
      deliveredAt: true,
      nextAttemptAt: true,
      attemptLog: { orderBy: { attempt: "asc" }, select: { attempt: true, at: true, statusCode: true, latencyMs: true, error: true, nextAttemptAt: true } },
    },
  });
}

/** `secret` is the stored (sealed, or legacy plain) form. */
export type TClaimedDelivery = { id: string; body: string; attempts: number; createdAt: Date; webhookId: string; url: string; secret: string };

/**
 * Takes up to `limit` due deliveries and pushes their next attempt `leaseMs` out, so a second
 * worker (or a crash mid-attempt) cannot send one twice at once; the attempt's outcome sets the real time.
 */
export async function claimDueDeliveries(limit: number, leaseMs: number): Promise<TClaimedDelivery[]> {
  const { sql } = await getDb();
  const rows = await sql.query<{ id: string; body: string; attempts: number; created_at: Date | string; webhook_id: string; url: string; secret: string }>(
    `WITH due AS (
       SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
       ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),
     claimed AS (
       UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => $2::float8 / 1000)
       FROM due WHERE d.id = due.id RETURNING d.id, d.webhook_id, d.body, d.attempts, d.created_at)
     SELECT c.id, c.body, c.attempts, c.created_at, w.id AS webhook_id, w.url, w.secret FROM claimed c JOIN webhooks w ON w.id = c.webhook_id`,
    [limit, leaseMs],
  );
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    attempts: Number(r.attempts),
    createdAt: new Date(r.created_at),
    webhookId: r.webhook_id,
    url: r.url,
    secret: r.secret,
  }));
}

/** Logs one attempt and moves the delivery on: delivered, pending again at `nextAttemptAt`, or failing. */
export async function recordAttempt(
  deliveryId: string,
  attempt: { number: number; at: Date; statusCode: number | null; latencyMs: number; error: string | null },
  outcome: { status: "delivered" | "pending" | "failing"; nextAttemptAt: Date | null },
): Promise<void> {
  const { sql } = await getDb();
  await sql.transaction(async (tx) => {
    await tx.execute(
      `INSERT INTO webhook_attempts (delivery_id, attempt, at, status_code, latency_ms, error, next_attempt_at) VALUES ($1::uuid, $2, $3, $4, $5, $6, $7)`,
      [deliveryId, attempt.number, attempt.at, attempt.statusCode, attempt.latencyMs, attempt.error, outcome.nextAttemptAt],
    );
    await tx.execute(
      `UPDATE webhook_deliveries SET attempts = $2, status = $3::webhook_delivery_status, next_attempt_at = $4,
         delivered_at = CASE WHEN $3 = 'delivered' THEN $5 ELSE delivered_at END WHERE id = $1::uuid`,
      [deliveryId, attempt.number, outcome.status, outcome.nextAttemptAt, attempt.at],
    );
  });
}

/** The soonest pending attempt (the worker sleeps until then); null when nothing is pending. */
export async function nextDueAt(): Promise<Date | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<{ at: Date | string | null }>(`SELECT min(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'`);
  return row?.at ? new Date(row.at) : null;
}

/** Every webhook's stored secret (the start-up pass that seals legacy plain values and re-seals after a rotation). */
export async function listStoredWebhookSecrets(): Promise<{ id: string; secret: string }[]> {
  const { sql } = await getDb();
  return sql.query<{ id: string; secret: string }>(`SELECT id::text AS id, secret FROM webhooks`);
}

/** Replaces a stored secret only if it is still the one read (another server may have re-sealed it meanwhile). */
export async function replaceStoredWebhookSecret(id: string, expected: string, next: string): Promise<boolean> {
  const { sql } = await getDb();
  return (await sql.execute(`UPDATE webhooks SET secret = $3 WHERE id = $1::uuid AND secret = $2`, [id, expected, next])) > 0;
}
