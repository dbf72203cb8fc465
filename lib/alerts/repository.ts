import "server-only";

import { getDb } from "@/lib/db/client";
import type { AlertRuleKind, Prisma } from "@/lib/db/generated/client";
import type { TSql } from "@/lib/db/sql";

// Alerts and their rules (issue 14). An alert's change and the webhook deliveries it causes are
// written in one transaction (an outbox): a delivery exists exactly when the change committed.

export type TRuleRow = { id: string; kind: AlertRuleKind; threshold: number | null; enabled: boolean };
export type TEventBodies = { event: string; json: string; slack: string };

export async function listRules(projectId: string): Promise<TRuleRow[]> {
  const { prisma } = await getDb();
  return prisma.alertRule.findMany({ where: { projectId }, select: { id: true, kind: true, threshold: true, enabled: true }, orderBy: { kind: "asc" } });
}

/** Replaces the project's rule set: the given kinds upserted, the others deleted (their past alerts stay, without a rule). */
export async function replaceRules(projectId: string, rules: { kind: AlertRuleKind; threshold: number | null; enabled: boolean }[]): Promise<void> {
  const { prisma } = await getDb();
  await prisma.$transaction([
    prisma.alertRule.deleteMany({ where: { projectId, kind: { notIn: rules.map((r) => r.kind) } } }),
    ...rules.map((r) =>
      prisma.alertRule.upsert({
        where: { projectId_kind: { projectId, kind: r.kind } },
        create: { projectId, kind: r.kind, threshold: r.threshold, enabled: r.enabled },
        update: { threshold: r.threshold, enabled: r.enabled },
        select: { id: true },
      }),
    ),
  ]);
}

export async function findRunForAlerts(runId: string) {
  const { prisma } = await getDb();
  return prisma.run.findUnique({
    where: { id: runId },
    select: { id: true, name: true, status: true, projectId: true, project: { select: { slug: true, name: true } } },
  });
}

const alertSelect = {
  id: true,
  projectId: true,
  runId: true,
  ruleId: true,
  signature: true,
  step: true,
  figures: true,
  reasons: true,
  openedAt: true,
  acknowledgedAt: true,
  resolvedAt: true,
  resolvedStep: true,
  run: { select: { name: true } },
  acknowledgedBy: { select: { name: true, email: true } },
} satisfies Prisma.AlertSelect;
export type TAlertRow = Prisma.AlertGetPayload<{ select: typeof alertSelect }>;

export async function listOpenAlertsOfRun(runId: string): Promise<TAlertRow[]> {
  const { prisma } = await getDb();
  return prisma.alert.findMany({ where: { runId, resolvedAt: null }, select: alertSelect, orderBy: { openedAt: "asc" } });
}

export async function findAlert(id: string): Promise<TAlertRow | null> {
  const { prisma } = await getDb();
  return prisma.alert.findUnique({ where: { id }, select: alertSelect });
}

export async function listAlerts(filter: { projectId: string; runId?: string; status?: "open" | "acknowledged" | "resolved" | "all"; limit: number }) {
  const { prisma } = await getDb();
  const where: Prisma.AlertWhereInput = { projectId: filter.projectId, ...(filter.runId ? { runId: filter.runId } : {}) };
  if (filter.status === "open") where.resolvedAt = null;
  if (filter.status === "acknowledged") Object.assign(where, { resolvedAt: null, acknowledgedAt: { not: null } });
  if (filter.status === "resolved") where.resolvedAt = { not: null };
  return prisma.alert.findMany({ where, select: alertSelect, orderBy: [{ openedAt: "desc" }, { id: "asc" }], take: filter.limit });
}

/** Run ids of a project with an unresolved alert (the runs table's mark). */
export async function listRunIdsWithOpenAlerts(projectId: string): Promise<string[]> {
  const { prisma } = await getDb();
  const rows = await prisma.alert.findMany({ where: { projectId, resolvedAt: null }, select: { runId: true }, distinct: ["runId"] });
  return rows.map((r) => r.runId);
}

async function enqueueDeliveries(tx: TSql, projectId: string, alertId: string, bodies: TEventBodies): Promise<number> {
  return tx.execute(
    `INSERT INTO webhook_deliveries (webhook_id, alert_id, event, body, status, next_attempt_at)
     SELECT w.id, $2::uuid, $3, CASE WHEN w.format::text = 'slack' THEN $5 ELSE $4 END, 'pending', now()
     FROM webhooks w WHERE w.project_id = $1::uuid AND $3 = ANY(w.events)`,
    [projectId, alertId, bodies.event, bodies.json, bodies.slack],
  );
}

/**
 * Opens an alert unless one is already open for the run and signature (the partial unique index
 * `alerts_one_open_per_run_signature` decides a race); true when this call opened it.
 */
export async function insertOpenAlert(
  alert: {
    id: string;
    projectId: string;
    runId: string;
    ruleId: string | null;
    signature: string;
    step: number | null;
    figures: unknown;
    reasons: string[];
    openedAt: Date;
  },
  bodies: TEventBodies,
): Promise<boolean> {
  const { sql } = await getDb();
  return sql.transaction(async (tx) => {
    const inserted = await tx.execute(
      `INSERT INTO alerts (id, project_id, run_id, rule_id, signature, step, figures, reasons, opened_at)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6, $7::jsonb, $8::text[], $9)
       ON CONFLICT (run_id, signature) WHERE resolved_at IS NULL DO NOTHING`,
      [alert.id, alert.projectId, alert.runId, alert.ruleId, alert.signature, alert.step, JSON.stringify(alert.figures), alert.reasons, alert.openedAt],
    );
    if (inserted === 0) return false;
    await enqueueDeliveries(tx, alert.projectId, alert.id, bodies);
    return true;
  });
}

/** Resolves an open alert at the checkpoint that no longer matches; true when this call resolved it. */
export async function markAlertResolved(alert: { id: string; projectId: string }, at: Date, step: number | null, bodies: TEventBodies): Promise<boolean> {
  const { sql } = await getDb();
  return sql.transaction(async (tx) => {
    const changed = await tx.execute(`UPDATE alerts SET resolved_at = $2, resolved_step = $3 WHERE id = $1::uuid AND resolved_at IS NULL`, [
      alert.id,
      at,
      step,
    ]);
    if (changed === 0) return false;
    await enqueueDeliveries(tx, alert.projectId, alert.id, bodies);
    return true;
  });
}

/** Records who acknowledged an alert (the first acknowledgement stands); true when this call did. */
export async function markAlertAcknowledged(alert: { id: string; projectId: string }, userId: string | null, at: Date, bodies: TEventBodies): Promise<boolean> {
  const { sql } = await getDb();
  return sql.transaction(async (tx) => {
    const changed = await tx.execute(`UPDATE alerts SET acknowledged_at = $2, acknowledged_by_id = $3::uuid WHERE id = $1::uuid AND acknowledged_at IS NULL`, [
      alert.id,
      at,
      userId,
    ]);
    if (changed === 0) return false;
    await enqueueDeliveries(tx, alert.projectId, alert.id, bodies);
    return true;
  });
}

/**
 * Running runs of projects with an enabled stalled rule whose last data (checkpoint, sample, metric
 * point, refreshed run_stats after a sample batch, or heartbeat; else the run's creation) is older than the rule's minutes. One query over the
 * running runs only, each probe an index lookup.
 */
export async function listStalledRuns(): Promise<{ runId: string; ruleId: string; minutes: number; lastDataAt: Date; latestStep: number | null }[]> {
  const { sql } = await getDb();
  const rows = await sql.query<{ run_id: string; rule_id: string; minutes: number; last_data_at: Date | string; latest_step: number | null }>(
    `WITH candidates AS (
       SELECT r.id AS run_id, ar.id AS rule_id, COALESCE(ar.threshold, 30)::float8 AS minutes,
              GREATEST(r.created_at, r.heartbeat_at,
                (SELECT max(c.created_at) FROM checkpoints c WHERE c.run_id = r.id),
                (SELECT max(m.updated_at) FROM run_metric_keys m WHERE m.run_id = r.id),
                (SELECT s.computed_at FROM run_stats s WHERE s.run_id = r.id)) AS last_data_at,
              (SELECT max(c.step) FROM checkpoints c WHERE c.run_id = r.id) AS latest_step
       FROM runs r JOIN alert_rules ar ON ar.project_id = r.project_id AND ar.kind = 'stalled' AND ar.enabled
       WHERE r.status = 'running')
     SELECT run_id, rule_id, minutes, last_data_at, latest_step FROM candidates
     WHERE last_data_at < now() - make_interval(secs => minutes * 60)`,
  );
  return rows.map((r) => ({ runId: r.run_id, ruleId: r.rule_id, minutes: Number(r.minutes), lastDataAt: new Date(r.last_data_at), latestStep: r.latest_step }));
}

/** Open stalled alerts whose run sent data again (or stopped running, or lost its rule): they resolve. */
export async function listRecoveredStalls(): Promise<{ id: string; projectId: string; runId: string }[]> {
  const { sql } = await getDb();
  return sql.query<{ id: string; projectId: string; runId: string }>(
    `SELECT a.id, a.project_id AS "projectId", a.run_id AS "runId" FROM alerts a JOIN runs r ON r.id = a.run_id
     LEFT JOIN alert_rules ar ON ar.project_id = a.project_id AND ar.kind = 'stalled' AND ar.enabled
     WHERE a.signature = 'rule:stalled' AND a.resolved_at IS NULL
       AND (r.status <> 'running' OR ar.id IS NULL OR GREATEST(r.heartbeat_at,
              (SELECT max(c.created_at) FROM checkpoints c WHERE c.run_id = r.id),
              (SELECT max(m.updated_at) FROM run_metric_keys m WHERE m.run_id = r.id),
                (SELECT s.computed_at FROM run_stats s WHERE s.run_id = r.id)) > a.opened_at)`,
  );
}

/**
 * The evaluator's memory (alert_evaluations), in the database so that it survives restarts and is shared by every
 * server: the newest checkpoint evaluated with settled figures, and the run's data version now (run_activity; 0 when
 * nothing bumped it, e.g. rows written by scripts).
 */
export async function findEvaluationState(runId: string): Promise<{ lastStep: number | null; version: string }> {
  const { sql } = await getDb();
  const [row] = await sql.query<{ last_step: number | null; version: string }>(
    `SELECT (SELECT max(step) FROM alert_evaluations WHERE run_id = $1::uuid) AS last_step,
            coalesce((SELECT version FROM run_activity WHERE run_id = $1::uuid), 0)::text AS version`,
    [runId],
  );
  return { lastStep: row?.last_step ?? null, version: row?.version ?? "0" };
}

/**
 * Claims the evaluation of one checkpoint's settled figures as of data version `version`: true for exactly one
 * caller per (run, step, version) across processes — the first evaluation, or a newer version (more of the
 * checkpoint's judgments arrived). An unknown version (0) is always claimable: there is nothing to tell it from.
 */
export async function claimCheckpointEvaluation(runId: string, step: number, version: string): Promise<boolean> {
  const { sql } = await getDb();
  const claimed = await sql.execute(
    `INSERT INTO alert_evaluations (run_id, step, version) VALUES ($1::uuid, $2, $3::bigint)
     ON CONFLICT (run_id, step) DO UPDATE SET version = EXCLUDED.version, evaluated_at = now()
     WHERE alert_evaluations.version < EXCLUDED.version OR EXCLUDED.version = 0`,
    [runId, step, version],
  );
  return claimed > 0;
}
