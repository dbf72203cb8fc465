import "server-only";

import type { TPaperTableEntry } from "@/lib/api/contracts/paper-table";
import type { TActor } from "@/lib/auth/actor";
import { AppError, isAppError } from "@/lib/errors";
import { judgeOfBenchmark } from "@/lib/metrics/external-judges";
import { findRunStat } from "@/lib/metrics/run-stat-repository";
import { getRunSummary } from "@/lib/metrics/service";
import type { TCheckpointSummary, TRunSummary } from "@/lib/metrics/summary-types";
import { getRunHeader } from "@/lib/runs/header-service";

import { preparePaperTable, type TPaperTable } from "./prepare-paper-table";

/** The checkpoint a row shows when none is named: the latest with a figure on the benchmark (the run page's panel shows the latest too). */
function latestWithFigures(checkpoints: readonly TCheckpointSummary[]): TCheckpointSummary | null {
  const ordered = [...checkpoints].sort((a, b) => a.step - b.step);
  return ordered.findLast((c) => c.subtasks.some((s) => s.gen.value !== null || s.non.value !== null)) ?? null;
}

/** Runs of two projects cannot share a baseline: the engine refuses it as a bad baseline, the table names `runs`. */
async function summarize(actor: TActor, runId: string, query: Parameters<typeof getRunSummary>[2]): Promise<TRunSummary> {
  try {
    return await getRunSummary(actor, runId, query);
  } catch (error) {
    if (
      isAppError(error) &&
      error.code === "INVALID_INPUT" &&
      (error.details as { field?: string } | undefined)?.field === "baseline" &&
      query?.baseline !== runId
    )
      throw new AppError("INVALID_INPUT", "The runs of a paper table must belong to one project.", { field: "runs" });
    throw error;
  }
}

/** The baseline row's summary against itself; null while the run has no checkpoint (a readable run without figures is an empty table, not an error). */
async function summarizeBaseline(actor: TActor, base: TPaperTableEntry, benchmark: string): Promise<TRunSummary | null> {
  try {
    return await getRunSummary(actor, base.runId, { baseline: base.runId, baselineStep: base.step, step: base.step, benchmark });
  } catch (error) {
    const field = isAppError(error) && error.code === "INVALID_INPUT" ? (error.details as { field?: string } | undefined)?.field : undefined;
    if (field === "baseline" && base.step === undefined) return null;
    throw error;
  }
}

/**
 * The paper table of GET /api/v1/paper-table and the Paper table page. Every run must be readable
 * by the caller (else NOT_FOUND, as for one run); the first entry is the baseline, shown at the step
 * named or its first checkpoint, and every other row is measured against that checkpoint (Und on its
 * images) at the step named or its latest checkpoint with figures on the benchmark. Runs without
 * figures on the benchmark give an empty table (`state: "empty"`), like the summary of an empty run.
 */
export async function getPaperTable(actor: TActor, entries: readonly TPaperTableEntry[], benchmark: string): Promise<TPaperTable> {
  const headers = new Map((await Promise.all([...new Set(entries.map((e) => e.runId))].map((id) => getRunHeader(actor, id)))).map((h) => [h.id, h]));
  const [base, ...others] = entries;
  if (!base) throw new AppError("INVALID_INPUT", "Name at least one run.", { field: "runs" });
  const baseSummary = await summarizeBaseline(actor, base, benchmark);
  if (!baseSummary) {
    const rows = entries.map((e) => ({ runId: e.runId, runName: headers.get(e.runId)!.name, checkpoint: null, externalJudge: null }));
    return preparePaperTable({ benchmark, rows, checkpointRule: "The baseline has no checkpoint yet: nothing can be measured against it." });
  }
  const baseStep = baseSummary.baseline.step;
  const summaries = await Promise.all(
    others.map((e) =>
      summarize(actor, e.runId, { baseline: base.runId, baselineStep: baseStep, step: e.step, benchmark }).then((s) => ({ entry: e, summary: s })),
    ),
  );
  const rows = [
    { entry: base, summary: baseSummary, checkpoint: baseSummary.checkpoints.find((c) => c.step === baseStep) ?? null },
    ...summaries.map(({ entry, summary }) => ({
      entry,
      summary,
      checkpoint: entry.step === undefined ? latestWithFigures(summary.checkpoints) : (summary.checkpoints.find((c) => c.step === entry.step) ?? null),
    })),
  ].map(({ entry, summary, checkpoint }) => ({
    runId: entry.runId,
    runName: headers.get(entry.runId)!.name,
    checkpoint,
    externalJudge: judgeOfBenchmark(summary.externalJudges, benchmark),
  }));
  return preparePaperTable({
    benchmark,
    rows,
    checkpointRule:
      "The baseline is shown at its first checkpoint and every other run at its latest checkpoint with figures on the benchmark, unless a step is named; the step is beside each name.",
  });
}

export type TPaperTableResult = { ok: true; table: TPaperTable } | { ok: false; message: string };

/** For pages: a table, or the reason there is none (a bad step, a benchmark without figures); NOT_FOUND still throws (the 404 page). */
export async function getPaperTableResult(actor: TActor, entries: readonly TPaperTableEntry[], benchmark: string): Promise<TPaperTableResult> {
  try {
    return { ok: true, table: await getPaperTable(actor, entries, benchmark) };
  } catch (error) {
    if (isAppError(error) && error.code === "INVALID_INPUT") return { ok: false, message: error.message };
    throw error;
  }
}

/** The paper's main table is T2I-CompBench's: it is the default whenever the runs have it. */
function pickBenchmark(benchmarks: readonly string[], preferred: string | null): string | null {
  if (preferred && benchmarks.includes(preferred)) return preferred;
  return benchmarks.includes("t2i-compbench") ? "t2i-compbench" : (benchmarks[0] ?? null);
}

/**
 * A shared comparison's table: its runs in the link's order (the first is the baseline), on the
 * benchmark of the view it was shared with, else T2I-CompBench, else the first the runs have.
 */
export async function getComparisonPaperTable(actor: TActor, runIds: readonly string[], preferred: string | null): Promise<TPaperTableResult | null> {
  await Promise.all(runIds.map((id) => getRunHeader(actor, id)));
  const stats = await Promise.all(runIds.map((id) => findRunStat(id)));
  const benchmark = pickBenchmark([...new Set(stats.flatMap((s) => s?.benchmarks ?? []))].sort(), preferred);
  return benchmark
    ? getPaperTableResult(
        actor,
        runIds.map((runId) => ({ runId })),
        benchmark,
      )
    : null;
}
