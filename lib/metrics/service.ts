import "server-only";

import { isUuid } from "@/lib/api/contracts/common";
import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { displayRunName } from "@/lib/sharing/anonymize";

import { DEFAULT_REPLICATES, DEFAULT_SEED, type TBootstrapOptions } from "./bootstrap";
import { aggregateOwnCells, aggregateTripleCells } from "./summary-repository";
import { pickJudgePerBenchmark, singleJudge, type TExternalJudges } from "./external-judges";
import { cachedJudgeChoice } from "./judge-choice-cache";
import {
  countExternalJudgmentsByBenchmark,
  findFirstCheckpointStep,
  findRunForSummary,
  listCheckpoints,
  listExternalJudges,
  type TSummaryRun,
} from "./run-context-repository";
import { EVAL_ROLES } from "./sample-roles";
import { findRunStat, listRunIdsWithCheckpoints, type TRunStatRow, upsertRunStat } from "./run-stat-repository";
import { summarizeCheckpoints } from "./summarize";
import { loadVisibleRun } from "./visible-run-service";
import type { TRunSummaryQuery } from "./summary-query";
import type { TCheckpointSummary, TRunSummary } from "./summary-types";

/** A baseline with no checkpoint yet is reported at step -1, as judge_step marks "not a checkpoint". */
const NO_CHECKPOINT = -1;
/** Every interval a summary shows comes from this bootstrap: seeded, so a page reloads the same numbers. */
const SUMMARY_BOOTSTRAP: TBootstrapOptions = { replicates: DEFAULT_REPLICATES, seed: DEFAULT_SEED };

type TBaseline = { run: TSummaryRun; step: number };

/**
 * The baseline in effect: `baseline` (a run of the same project) or the recorded baseline run, else
 * the run itself; its step is `baselineStep`, else the recorded step (for the recorded run), else
 * that run's first checkpoint. A baseline named in the query must exist; a default one may not have
 * a checkpoint yet.
 */
async function resolveBaseline(run: TSummaryRun, query: Pick<TRunSummaryQuery, "baseline" | "baselineStep">): Promise<TBaseline> {
  let baselineRun = run;
  if (query.baseline) {
    const found = query.baseline === run.id ? run : await findRunForSummary(query.baseline);
    if (!found || found.projectId !== run.projectId)
      throw new AppError("INVALID_INPUT", `Baseline run ${query.baseline} is not a run of this project.`, { field: "baseline" });
    baselineRun = found;
  } else if (run.baselineRunId) {
    baselineRun = (await findRunForSummary(run.baselineRunId)) ?? run;
  }
  if (query.baselineStep !== undefined) {
    const [checkpoint] = await listCheckpoints(baselineRun.id, [query.baselineStep]);
    if (!checkpoint)
      throw new AppError("INVALID_INPUT", `Step ${query.baselineStep} is not a checkpoint of the baseline run "${baselineRun.name}".`, {
        field: "baselineStep",
      });
    return { run: baselineRun, step: query.baselineStep };
  }
  const isRecorded = !query.baseline && baselineRun.id === run.baselineRunId;
  if (isRecorded && run.baselineStep !== null) return { run: baselineRun, step: run.baselineStep };
  const first = await findFirstCheckpointStep(baselineRun.id);
  if (first === null && query.baseline) throw new AppError("INVALID_INPUT", `Baseline run "${baselineRun.name}" has no checkpoint yet.`, { field: "baseline" });
  return { run: baselineRun, step: first ?? NO_CHECKPOINT };
}

/**
 * The external judge of each benchmark (docs/metrics.md#generation-score): the named one for every benchmark (it must
 * have judged the run or its baseline), else per benchmark the judge with the most judgments on that
 * benchmark's evaluation images of the run and its baseline. `benchmark` narrows the map to one.
 */
async function resolveExternalJudges(run: TSummaryRun, baseline: TBaseline, requested: string | undefined, benchmark: string | null): Promise<TExternalJudges> {
  const runIds = baseline.run.id === run.id ? [run.id] : [run.id, baseline.run.id];
  if (requested !== undefined) {
    const known = new Set((await Promise.all(runIds.map(listExternalJudges))).flat().map((j) => j.judge));
    if (!known.has(requested)) {
      const list = [...known].sort().join(", ") || "none";
      throw new AppError("INVALID_INPUT", `External judge "${requested}" has not judged this run or its baseline (judges: ${list}).`, {
        field: "externalJudge",
      });
    }
  }
  const picked = await cachedJudgeChoice(runIds, async () => pickJudgePerBenchmark(await countExternalJudgmentsByBenchmark(runIds, EVAL_ROLES)));
  return Object.fromEntries(
    Object.keys(picked)
      .filter((b) => benchmark === null || b === benchmark)
      .map((b) => [b, requested ?? picked[b]!]),
  );
}

type TComputeOptions = { steps: readonly number[] | null; externalJudges: TExternalJudges; benchmark: string | null; bootstrap: TBootstrapOptions | null };

/** Aggregates in SQL (own images, the baseline's own images, the baseline's images judged by each checkpoint), then summarises. */
async function computeSummary(
  run: TSummaryRun,
  baseline: TBaseline,
  options: TComputeOptions,
): Promise<{ checkpoints: TCheckpointSummary[]; benchmarks: string[] }> {
  const checkpoints = await listCheckpoints(run.id, options.steps);
  const steps = checkpoints.map((c) => c.step);
  const scope = { externalJudges: options.externalJudges, benchmark: options.benchmark };
  const sameRun = baseline.run.id === run.id;
  const [own, baselineOwn, triples] = await Promise.all([
    aggregateOwnCells({ runId: run.id, steps, roles: EVAL_ROLES, ...scope }),
    sameRun && steps.includes(baseline.step) ? null : aggregateOwnCells({ runId: baseline.run.id, steps: [baseline.step], roles: EVAL_ROLES, ...scope }),
    aggregateTripleCells({ baselineRunId: baseline.run.id, baselineStep: baseline.step, currentJudge: sameRun ? "self" : `self:${run.id}`, steps, ...scope }),
  ]);
  return {
    checkpoints: summarizeCheckpoints({
      checkpoints,
      own,
      baseline: baselineOwn ?? own.filter((c) => c.step === baseline.step),
      triples,
      bootstrap: options.bootstrap,
    }),
    benchmarks: [...new Set(own.map((c) => c.benchmark))].sort(),
  };
}

/**
 * The run summary of GET /api/v1/runs/{runId}/summary: per checkpoint and subtask Gen / Und / Non
 * with intervals, the unweighted Overall, and the co-trend against the baseline.
 */
export async function getRunSummary(actor: TActor, runId: string, query: TRunSummaryQuery = {}): Promise<TRunSummary> {
  const run = await loadVisibleRun(actor, runId);
  if (query.baseline && actor.kind === "share" && !actor.runIds.includes(query.baseline)) {
    throw new AppError("INVALID_INPUT", `Baseline run ${query.baseline} is not a run of this project.`, { field: "baseline" });
  }
  const baseline = await resolveBaseline(run, query);
  const externalJudges = await resolveExternalJudges(run, baseline, query.externalJudge, query.benchmark ?? null);
  if (query.step !== undefined && (await listCheckpoints(run.id, [query.step])).length === 0) {
    throw new AppError("INVALID_INPUT", `Step ${query.step} is not a checkpoint of run "${run.name}".`, { field: "step" });
  }
  const { checkpoints } = await computeSummary(run, baseline, {
    steps: query.step === undefined ? null : [query.step],
    externalJudges,
    benchmark: query.benchmark ?? null,
    bootstrap: SUMMARY_BOOTSTRAP,
  });
  return {
    runId: run.id,
    baseline: { runId: baseline.run.id, step: baseline.step, runName: displayRunName(actor, baseline.run) },
    externalJudge: query.externalJudge ?? singleJudge(externalJudges),
    externalJudges,
    checkpoints,
  };
}

/**
 * The baseline checkpoint's own figures, as the run's summary compares against them (same external
 * judges), for per-subtask deltas and the paper table. Reading them needs access to the run, not to
 * the baseline run: a share link of a run includes its comparison with its baseline. Null when the
 * baseline has no checkpoint yet.
 */
export async function getBaselineCheckpoint(actor: TActor, runId: string): Promise<TCheckpointSummary | null> {
  const run = await loadVisibleRun(actor, runId);
  const baseline = await resolveBaseline(run, {});
  if (baseline.step < 0) return null;
  const externalJudges = await resolveExternalJudges(run, baseline, undefined, null);
  const { checkpoints } = await computeSummary(
    baseline.run,
    { run: baseline.run, step: baseline.step },
    {
      steps: [baseline.step],
      externalJudges,
      benchmark: null,
      bootstrap: SUMMARY_BOOTSTRAP,
    },
  );
  return checkpoints[0] ?? null;
}

/**
 * Recomputes the run's cached figures (run_stats) from its samples and judgments: the latest
 * checkpoint with data, its Overall Gen / Und / Non and their n, the Non series for sparklines and
 * the run's benchmarks. No intervals (the table sorts on values). Ingestion calls this after it
 * writes samples or judgments; it is a system action, not a caller's, so it takes no actor.
 */
export async function refreshRunStat(runId: string): Promise<TRunStatRow | null> {
  const run = isUuid(runId) ? await findRunForSummary(runId) : null;
  if (!run) return null;
  const baseline = await resolveBaseline(run, {});
  const externalJudges = await resolveExternalJudges(run, baseline, undefined, null);
  const { checkpoints, benchmarks } = await computeSummary(run, baseline, { steps: null, externalJudges, benchmark: null, bootstrap: null });
  const hasData = (c: TCheckpointSummary) => c.overall.non.value !== null || c.overall.gen.value !== null;
  const latest = checkpoints.findLast(hasData) ?? checkpoints.at(-1);
  const stat: TRunStatRow = {
    runId: run.id,
    latestStep: latest?.step ?? null,
    gen: latest?.overall.gen.value ?? null,
    genN: latest?.overall.gen.n ?? 0,
    und: latest?.overall.und.value ?? null,
    undN: latest?.overall.und.n ?? 0,
    non: latest?.overall.non.value ?? null,
    nonN: latest?.overall.non.n ?? 0,
    nonSeries: checkpoints.map((c) => ({ step: c.step, value: c.overall.non.value, n: c.overall.non.n })),
    benchmarks,
  };
  await upsertRunStat(stat);
  return stat;
}

/** Recomputes run_stats for every run of a project that has checkpoints (seeding writes rows directly, not through ingestion). */
export async function refreshProjectRunStats(projectId: string): Promise<number> {
  const runIds = await listRunIdsWithCheckpoints(projectId);
  for (const runId of runIds) await refreshRunStat(runId);
  return runIds.length;
}

/** The cached figures of a run the caller can see (null until first computed). */
export async function getRunStat(actor: TActor, runId: string): Promise<TRunStatRow | null> {
  const run = await loadVisibleRun(actor, runId);
  return findRunStat(run.id);
}

/**
 * Checkpoint summaries as the run page shows them (same baseline, judges and seeded bootstrap), for
 * the alert evaluator after ingestion: the checkpoints after `afterStep` (at most `max`, the newest)
 * and always the latest, in step order, never the baseline checkpoint itself. A system action: no actor.
 */
export async function summarizeCheckpointsForAlerts(
  runId: string,
  afterStep: number | null,
  max = 5,
): Promise<{ baseline: { runId: string; step: number }; checkpoints: TCheckpointSummary[] } | null> {
  const run = isUuid(runId) ? await findRunForSummary(runId) : null;
  if (!run) return null;
  const all = await listCheckpoints(run.id, null);
  const latest = all.at(-1);
  if (!latest) return null;
  const baseline = await resolveBaseline(run, {});
  if (baseline.step < 0) return null;
  const isBaseline = (step: number) => baseline.run.id === run.id && baseline.step === step;
  const newer = all.filter((c) => (afterStep === null || c.step > afterStep) && !isBaseline(c.step)).slice(-max);
  const steps = [...new Set([...newer.map((c) => c.step), ...(isBaseline(latest.step) ? [] : [latest.step])])].sort((a, b) => a - b);
  if (steps.length === 0) return null;
  const externalJudges = await resolveExternalJudges(run, baseline, undefined, null);
  const { checkpoints } = await computeSummary(run, baseline, { steps, externalJudges, benchmark: null, bootstrap: SUMMARY_BOOTSTRAP });
  return { baseline: { runId: baseline.run.id, step: baseline.step }, checkpoints };
}
