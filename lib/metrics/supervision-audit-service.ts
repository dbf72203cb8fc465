import "server-only";

import type { TAuditQuery, TSupervisionAuditResponse } from "@/lib/api/contracts/analysis";
import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

import { countSupervisionInRun, type TAuditJudge } from "./supervision-audit-repository";
import { pickJudgePerBenchmark, singleJudge } from "./external-judges";
import { countExternalJudgmentsByBenchmark, listExternalJudges } from "./run-context-repository";
import { TRAINING_ROLES } from "./sample-roles";
import { auditFromCounts, DEFAULT_AUDIT_THRESHOLD } from "./supervision-audit";
import { loadVisibleRun } from "./visible-run-service";

const HUMAN = "human";

/**
 * The supervision audit of a run's training data (docs/metrics.md#supervision-audit): how many
 * SFT-chosen images an independent judge calls aligned, and how often it agrees with the DPO pairs.
 * `judge` is an external judge's name (for every benchmark) or "human" (the annotators' majority); by
 * default each benchmark's most prolific external judge on the training images, else the annotators.
 */
export async function getSupervisionAudit(actor: TActor, runId: string, query: TAuditQuery = {}): Promise<TSupervisionAuditResponse> {
  const run = await loadVisibleRun(actor, runId);
  if (query.judge !== undefined && query.judge !== HUMAN) {
    const externals = (await listExternalJudges(run.id)).map((j) => j.judge);
    if (!externals.includes(query.judge)) {
      throw new AppError("INVALID_INPUT", `External judge "${query.judge}" has not judged this run (judges: ${externals.join(", ") || "none"}; or "human").`, {
        field: "judge",
      });
    }
  }
  const picked = query.judge === HUMAN ? {} : pickJudgePerBenchmark(await countExternalJudgmentsByBenchmark([run.id], TRAINING_ROLES));
  const judges = Object.fromEntries(Object.keys(picked).map((b) => [b, query.judge ?? picked[b]!]));
  const isHuman = query.judge === HUMAN || (query.judge === undefined && Object.keys(judges).length === 0);
  const judge: TAuditJudge = isHuman ? { kind: "human" } : { kind: "external", judges };
  const counts = await countSupervisionInRun(run.id, query.step ?? null, judge);
  return {
    runId: run.id,
    ...auditFromCounts(counts, query.threshold ?? DEFAULT_AUDIT_THRESHOLD),
    judge: isHuman ? HUMAN : (query.judge ?? singleJudge(judges)),
    judges,
  };
}
