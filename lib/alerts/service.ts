import "server-only";

import { randomUUID } from "node:crypto";

import type { TAlert, TAlertListQuery, TAlertRule, TAlertRulesRequest } from "@/lib/api/contracts/alerts";
import { RULE_THRESHOLDS } from "@/lib/api/contracts/alerts";
import type { TActor } from "@/lib/auth/actor";
import { requireProjectRole, requireRunAccess } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { summarizeCheckpointsForAlerts } from "@/lib/metrics/service";
import { findProjectBySlug } from "@/lib/projects/repository";
import { bumpRunActivity } from "@/lib/runs/live-repository";

import { kickDeliveries } from "./delivery";
import { evaluateCheckpoint, ruleSignature, type TEvaluatedRule } from "./evaluate";
import { buildJsonBody, buildSlackBody } from "./payload";
import {
  claimCheckpointEvaluation,
  findAlert,
  findEvaluationState,
  findRunForAlerts,
  insertOpenAlert,
  listAlerts,
  listOpenAlertsOfRun,
  listRecoveredStalls,
  listRules,
  listRunIdsWithOpenAlerts,
  listStalledRuns,
  markAlertAcknowledged,
  markAlertResolved,
  replaceRules,
  type TAlertRow,
  type TEventBodies,
  type TRuleRow,
} from "./repository";
import type { TThresholdRule } from "./threshold-rules";
import { decideAlertTransition } from "./transitions";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function runLink(projectSlug: string, runId: string): string {
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/+$/, "");
  return `${base}/p/${encodeURIComponent(projectSlug)}/runs/${runId}`;
}

function toDto(row: TAlertRow): TAlert {
  return {
    id: row.id,
    projectId: row.projectId,
    runId: row.runId,
    runName: row.run.name,
    ruleId: row.ruleId,
    signature: row.signature,
    step: row.step,
    figures: (row.figures ?? {}) as Record<string, unknown>,
    reasons: row.reasons,
    status: row.resolvedAt ? "resolved" : row.acknowledgedAt ? "acknowledged" : "open",
    openedAt: row.openedAt.toISOString(),
    acknowledgedBy: row.acknowledgedBy ? (row.acknowledgedBy.name ?? row.acknowledgedBy.email) : row.acknowledgedAt ? "API key" : null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedStep: row.resolvedStep,
  };
}

type TRunRef = NonNullable<Awaited<ReturnType<typeof findRunForAlerts>>>;

function eventBodies(event: string, run: TRunRef, alert: Omit<TAlert, "projectId" | "runId" | "runName" | "status" | "acknowledgedBy">): TEventBodies {
  const input = {
    event,
    alert: {
      id: alert.id,
      signature: alert.signature,
      ruleId: alert.ruleId,
      step: alert.step,
      figures: alert.figures,
      reasons: alert.reasons,
      openedAt: alert.openedAt,
      resolvedAt: alert.resolvedAt,
      resolvedStep: alert.resolvedStep,
      acknowledgedAt: alert.acknowledgedAt,
    },
    project: { slug: run.project.slug, name: run.project.name },
    run: { id: run.id, name: run.name, link: runLink(run.project.slug, run.id) },
    sentAt: new Date().toISOString(),
  };
  return { event, json: buildJsonBody(input), slack: buildSlackBody(input) };
}

function rowFields(row: TAlertRow) {
  const dto = toDto(row);
  return { ...dto, figures: dto.figures };
}

function thresholdRule(row: TRuleRow): TThresholdRule | null {
  if (row.kind === "gen_below_baseline") return { kind: "gen_below_baseline", points: row.threshold ?? RULE_THRESHOLDS.gen_below_baseline.default };
  if (row.kind === "und_below_half") return { kind: "und_below_half" };
  if (row.kind === "subtask_non_above") return { kind: "subtask_non_above", percent: row.threshold ?? RULE_THRESHOLDS.subtask_non_above.default };
  return null; // stalled: the timer's, not a checkpoint's
}

async function openAlert(
  run: TRunRef,
  fields: { ruleId: string | null; signature: string; step: number | null; figures: Record<string, unknown>; reasons: string[] },
) {
  const id = randomUUID();
  const openedAt = new Date();
  const bodies = eventBodies("alert.opened", run, {
    id,
    ...fields,
    openedAt: openedAt.toISOString(),
    acknowledgedAt: null,
    resolvedAt: null,
    resolvedStep: null,
  });
  return insertOpenAlert({ id, projectId: run.projectId, runId: run.id, ...fields, openedAt }, bodies);
}

async function resolveAlert(run: TRunRef, row: TAlertRow, step: number | null): Promise<boolean> {
  const at = new Date();
  const bodies = eventBodies("alert.resolved", run, { ...rowFields(row), resolvedAt: at.toISOString(), resolvedStep: step });
  return markAlertResolved({ id: row.id, projectId: row.projectId }, at, step, bodies);
}

/**
 * After ingestion has settled (debounced per run, off the batch's path): evaluates, in step order,
 * every checkpoint that arrived since the last one evaluated with settled figures (so a burst of
 * checkpoints inside one debounce still opens the alert at the first that justifies it) and the
 * latest again, against the run's baseline and the project's rules. Opens what newly matches, keeps
 * what still matches (no new delivery), resolves what a later checkpoint no longer matches. A
 * checkpoint still missing Gen or Und changes nothing. The memory of what was evaluated is in the
 * database (alert_evaluations): after a restart the evaluator resumes after the last evaluated
 * checkpoint, and of several servers evaluating the same checkpoint at the same data version only
 * the one whose claim succeeded decides. Returns what it did (tests).
 */
export async function evaluateRunAlerts(runId: string): Promise<{ opened: string[]; resolved: string[]; evaluated: number[] }> {
  const done = { opened: [] as string[], resolved: [] as string[], evaluated: [] as number[] };
  const run = UUID.test(runId) ? await findRunForAlerts(runId) : null;
  if (!run) return done;
  // The version is read before the figures: a batch committed in between makes the next evaluation claim again.
  const state = await findEvaluationState(run.id);
  const summary = await summarizeCheckpointsForAlerts(run.id, state.lastStep);
  if (!summary) return done;
  const rules: TEvaluatedRule[] = (await listRules(run.projectId)).flatMap((row) => {
    const rule = row.enabled ? thresholdRule(row) : null;
    return rule ? [{ id: row.id, rule }] : [];
  });
  for (const checkpoint of summary.checkpoints) {
    const verdict = evaluateCheckpoint(checkpoint, summary.baseline, rules);
    if (!verdict.settled) continue;
    if (!(await claimCheckpointEvaluation(run.id, verdict.step, state.version))) continue;
    done.evaluated.push(verdict.step);
    await applyVerdict(run, verdict, done);
  }
  if (done.opened.length > 0 || done.resolved.length > 0) {
    kickDeliveries();
    // Open pages of the run (banner), the runs table (mark) and the compare view learn of it through the run's version.
    await bumpRunActivity(run.id, false);
  }
  return done;
}

async function applyVerdict(run: TRunRef, verdict: ReturnType<typeof evaluateCheckpoint>, done: { opened: string[]; resolved: string[] }): Promise<void> {
  const open = new Map((await listOpenAlertsOfRun(run.id)).map((a) => [a.signature, a]));
  for (const v of verdict.verdicts) {
    const current = open.get(v.signature) ?? null;
    // Only a later checkpoint resolves: re-evaluating the checkpoint an alert was opened at (more judgments arrived) keeps it.
    const resolvable = current && current.step !== null && current.step >= verdict.step ? null : current;
    const transition = decideAlertTransition(v.matches, v.matches ? current : resolvable);
    if (transition.action === "open") {
      if (await openAlert(run, { ruleId: v.ruleId, signature: v.signature, step: verdict.step, figures: verdict.figures, reasons: v.reasons }))
        done.opened.push(v.signature);
    } else if (transition.action === "resolve" && current) {
      if (await resolveAlert(run, current, verdict.step)) done.resolved.push(v.signature);
    }
  }
  // A rule switched off or deleted leaves nothing open behind it.
  const active = new Set(verdict.verdicts.map((v) => v.signature));
  for (const [signature, row] of open) {
    if (signature.startsWith("rule:") && signature !== ruleSignature("stalled") && !active.has(signature)) {
      if (await resolveAlert(run, row, verdict.step)) done.resolved.push(signature);
    }
  }
}

/** The stall timer's pass: opens "stalled" on running runs silent for the rule's minutes, resolves those that spoke again. */
export async function checkStalledRuns(): Promise<{ opened: number; resolved: number }> {
  let opened = 0;
  let resolved = 0;
  for (const recovered of await listRecoveredStalls()) {
    const run = await findRunForAlerts(recovered.runId);
    const row = await findAlert(recovered.id);
    if (run && row && (await resolveAlert(run, row, null))) {
      resolved++;
      await bumpRunActivity(run.id, false);
    }
  }
  for (const stalled of await listStalledRuns()) {
    const run = await findRunForAlerts(stalled.runId);
    if (!run) continue;
    const silentMinutes = (Date.now() - stalled.lastDataAt.getTime()) / 60_000;
    const reasons = [
      `no new data for ${silentMinutes.toFixed(0)} minutes (rule: ${stalled.minutes} minutes) while the run is running; last data at ${stalled.lastDataAt.toISOString()}`,
    ];
    const figures = { lastDataAt: stalled.lastDataAt.toISOString(), minutesSilent: Math.floor(silentMinutes), thresholdMinutes: stalled.minutes };
    if (await openAlert(run, { ruleId: stalled.ruleId, signature: ruleSignature("stalled"), step: stalled.latestStep, figures, reasons })) {
      opened++;
      await bumpRunActivity(run.id, false);
    }
  }
  if (opened > 0 || resolved > 0) kickDeliveries();
  return { opened, resolved };
}

async function projectBySlug(actor: TActor, slug: string, min: "viewer" | "editor" | "owner") {
  const project = await findProjectBySlug(slug);
  if (!project) throw notFound("Project", slug);
  await requireProjectRole(actor, project.id, min);
  return project;
}

export async function getAlertRules(actor: TActor, slug: string): Promise<{ rules: TAlertRule[] }> {
  const project = await projectBySlug(actor, slug, "viewer");
  return { rules: (await listRules(project.id)).map((r) => ({ id: r.id, kind: r.kind, threshold: r.threshold, enabled: r.enabled })) };
}

/** Owners and editors (and the project's key) replace the rule set; thresholds were range-checked by the contract. */
export async function putAlertRules(actor: TActor, slug: string, body: TAlertRulesRequest): Promise<{ rules: TAlertRule[] }> {
  const project = await projectBySlug(actor, slug, "editor");
  await replaceRules(
    project.id,
    body.rules.map((r) => {
      const range = RULE_THRESHOLDS[r.kind];
      return { kind: r.kind, threshold: range === null ? null : (r.threshold ?? range.default), enabled: r.enabled ?? true };
    }),
  );
  return getAlertRules(actor, slug);
}

export async function listProjectAlerts(actor: TActor, slug: string, query: TAlertListQuery): Promise<{ alerts: TAlert[] }> {
  const project = await projectBySlug(actor, slug, "viewer");
  const rows = await listAlerts({ projectId: project.id, runId: query.run, status: query.status ?? "all", limit: query.limit ?? 200 });
  return { alerts: rows.map(toDto) };
}

/** A run's alerts: whoever may read the run (members, the project's key, a share link of the run). */
export async function listRunAlerts(actor: TActor, runId: string, query: Pick<TAlertListQuery, "status"> = {}): Promise<{ alerts: TAlert[] }> {
  const run = UUID.test(runId) ? await findRunForAlerts(runId) : null;
  if (!run) throw notFound("Run", runId);
  await requireRunAccess(actor, run, "viewer");
  const rows = await listAlerts({ projectId: run.projectId, runId: run.id, status: query.status ?? "all", limit: 500 });
  return { alerts: rows.map(toDto) };
}

/** Runs of a project with an unresolved alert (the runs table marks them); empty for callers who cannot list the project. */
export async function runIdsWithOpenAlerts(actor: TActor, projectId: string): Promise<Set<string>> {
  await requireProjectRole(actor, projectId, "viewer");
  return new Set(await listRunIdsWithOpenAlerts(projectId));
}

/** Acknowledging is recorded once (who and when): editors, owners and the project's key; a second call changes nothing. */
export async function acknowledgeAlert(actor: TActor, alertId: string): Promise<TAlert> {
  const row = UUID.test(alertId) ? await findAlert(alertId) : null;
  if (!row) throw notFound("Alert", alertId);
  await requireProjectRole(actor, row.projectId, "editor", `Alert ${alertId}`);
  if (!row.acknowledgedAt) {
    const run = await findRunForAlerts(row.runId);
    if (!run) throw notFound("Alert", alertId);
    const at = new Date();
    const bodies = eventBodies("alert.acknowledged", run, { ...rowFields(row), acknowledgedAt: at.toISOString() });
    if (await markAlertAcknowledged({ id: row.id, projectId: row.projectId }, actor.kind === "user" ? actor.userId : null, at, bodies)) {
      kickDeliveries();
      await bumpRunActivity(row.runId, false);
    }
  }
  const after = await findAlert(alertId);
  if (!after) throw new AppError("NOT_FOUND", `Alert ${alertId} was not found.`);
  return toDto(after);
}
