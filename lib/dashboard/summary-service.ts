import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { getBaselineCheckpoint, getRunSummary } from "@/lib/metrics/service";
import type { TCheckpointSummary, TRunSummary } from "@/lib/metrics/summary-types";

import type { TSummaryResult } from "./types";

/**
 * Loads a run's summary and, for per-subtask deltas and the paper table, the baseline checkpoint's
 * own figures (from the baseline run's summary when the baseline is another run). A missing
 * baseline summary is a note, not an error: the run's own numbers still stand.
 */
export async function getSummaryResult(actor: TActor, run: { id: string; name: string }): Promise<TSummaryResult> {
  let summary: TRunSummary;
  try {
    summary = await getRunSummary(actor, run.id);
  } catch (error) {
    return { ok: false, runId: run.id, runName: run.name, ...describe(error) };
  }
  const { runId: baseRunId, step: baseStep } = summary.baseline;
  let baselineCheckpoint: TCheckpointSummary | null = null;
  let baselineNote: string | null = null;
  try {
    baselineCheckpoint = baseRunId === run.id ? (summary.checkpoints.find((c) => c.step === baseStep) ?? null) : await getBaselineCheckpoint(actor, run.id);
    // Step -1: neither the run nor its baseline has a checkpoint yet, which the panels already say.
    if (!baselineCheckpoint && baseStep >= 0) baselineNote = `The baseline ${summary.baseline.runName} has no evaluated checkpoint at step ${baseStep}.`;
  } catch (error) {
    baselineNote = `The baseline's own figures are unavailable: ${describe(error).message}`;
  }
  return { ok: true, bundle: { runId: run.id, runName: run.name, summary, baselineCheckpoint, baselineNote } };
}

function describe(error: unknown): { code: string; message: string } {
  if (isAppError(error)) return { code: error.code, message: error.message };
  console.error("[unigap] run summary failed", error);
  return { code: "INTERNAL", message: "The run summary could not be computed." };
}
