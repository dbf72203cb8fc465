import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireRunAccess } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";

import { countSupervisionInRun, type TAuditJudge } from "./audit-repository";
import { findRunForSummary, listExternalJudges } from "./run-context-repository";
import { auditFromCounts, DEFAULT_AUDIT_THRESHOLD, type TSupervisionAudit } from "./supervision-audit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TAuditQuery = { step?: number; judge?: string; threshold?: number };

/**
 * The supervision audit of a run's training data (domain.md, the data-quality check): how many
 * SFT-chosen images an independent judge calls aligned, and how often it agrees with the DPO pairs.
 * `judge` is an external judge's name or "human" (the annotators' majority); by default the run's
 * most prolific external judge, else the annotators.
 */
export async function getSupervisionAudit(actor: TActor, runId: string, query: TAuditQuery = {}): Promise<TSupervisionAudit & { judge: string }> {
  const run = UUID.test(runId) ? await findRunForSummary(runId) : null;
  if (!run) throw notFound("Run", runId);
  await requireRunAccess(actor, run, "viewer");
  const externals = (await listExternalJudges(run.id)).map((j) => j.judge);
  const name = query.judge ?? externals[0] ?? "human";
  if (name !== "human" && !externals.includes(name)) {
    throw new AppError("INVALID_INPUT", `External judge "${name}" has not judged this run (judges: ${externals.join(", ") || "none"}; or "human").`, { field: "judge" });
  }
  const judge: TAuditJudge = name === "human" ? { kind: "human" } : { kind: "external", name };
  const counts = await countSupervisionInRun(run.id, query.step ?? null, judge);
  return { ...auditFromCounts(counts, query.threshold ?? DEFAULT_AUDIT_THRESHOLD), judge: name };
}
