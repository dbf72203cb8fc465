import "server-only";

import { createHash } from "node:crypto";

import { isUuid } from "@/lib/api/contracts/common";
import type { TDatasetRecipe } from "@/lib/api/contracts/datasets";
import type { TActor } from "@/lib/auth/actor";
import { requireKeyScope, requireProjectRole } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db/transaction";
import { AppError, notFound } from "@/lib/errors";
import { pickJudgePerBenchmark } from "@/lib/metrics/external-judges";
import { countExternalJudgmentsByBenchmark, findRunForSummary, listCheckpoints, listExternalJudges } from "@/lib/metrics/run-context-repository";
import { TRAINING_ROLES } from "@/lib/metrics/sample-roles";
import { findProjectBySlug } from "@/lib/projects/repository";

import type { TDatasetPreview, TSubtaskCounts } from "./types";

import { listRunsTrainedOn } from "./lineage-repository";
import { assessRisk, computeGate, DEFAULT_PRECISION_THRESHOLD, type TRisk } from "./gate";
import { nextRound, passRateHistogram, selectItems, type TResolvedRecipe, type TRoundLedger, type TSelection } from "./recipe";
import {
  countTrainingSamples,
  findDataset,
  findPrecisionThreshold,
  insertDatasetOnce,
  listCandidates,
  listItemRefs,
  listPoolPrompts,
  listProjectDatasets,
  type TDatasetRow,
} from "./repository";

// Use cases of datasets: preview (the recipe applied, nothing stored), build (immutable, one row per
// content hash), read, list, pool. Editors and the project's API keys build; viewers read; share
// links see nothing (requireProjectRole refuses them).

type TPlan = {
  preview: TDatasetPreview;
  resolved: TResolvedRecipe & Record<string, unknown>;
  selection: TSelection;
  round: number;
  previous: TDatasetRow | null;
  itemRounds: { sampleId: string; rejectedSampleId: string | null; promptId: string; round: number }[];
};

function countsOf(selection: TSelection, itemsPromptSubtask: Map<string, string>): TDatasetPreview["counts"] {
  const rows = new Map<string, TSubtaskCounts>();
  const row = (subtask: string) => rows.get(subtask) ?? rows.set(subtask, { subtask, prompts: 0, candidates: 0, accepted: 0, items: 0, pool: 0 }).get(subtask)!;
  const pool = new Set(selection.pool);
  for (const p of selection.prompts) {
    const r = row(p.subtask);
    r.prompts += 1;
    r.candidates += p.candidates;
    r.accepted += p.accepted;
    if (pool.has(p.promptId)) r.pool += 1;
  }
  for (const item of selection.items) row(itemsPromptSubtask.get(item.promptId) ?? item.chosen.subtask).items += 1;
  const subtasks = [...rows.values()].sort((a, b) => (a.subtask < b.subtask ? -1 : 1));
  const overall = subtasks.reduce(
    (o, r) => ({
      subtask: "overall",
      prompts: o.prompts + r.prompts,
      candidates: o.candidates + r.candidates,
      accepted: o.accepted + r.accepted,
      items: o.items + r.items,
      pool: o.pool + r.pool,
    }),
    { subtask: "overall", prompts: 0, candidates: 0, accepted: 0, items: 0, pool: 0 },
  );
  return { overall, subtasks };
}

async function plan(actor: TActor, runId: string, recipe: TDatasetRecipe, minRole: "viewer" | "editor"): Promise<TPlan & { projectId: string }> {
  const run = isUuid(runId) ? await findRunForSummary(runId) : null;
  if (!run) throw new AppError("INVALID_INPUT", `Unknown run "${runId}".`, { field: "runId" });
  await requireProjectRole(actor, run.projectId, minRole, `Run ${run.id}`);
  // Independent look-ups at once (a preview re-runs as the form changes); checked in this order.
  const [checkpoints, trainingSamples, judgmentCounts, judges, thresholdSetting, previousRow] = await Promise.all([
    listCheckpoints(run.id),
    countTrainingSamples(run.id, recipe.step),
    countExternalJudgmentsByBenchmark([run.id], TRAINING_ROLES),
    recipe.externalJudge !== undefined ? listExternalJudges(run.id) : Promise.resolve([]),
    findPrecisionThreshold(run.projectId),
    recipe.previousDatasetId ? findDataset(recipe.previousDatasetId) : Promise.resolve(null),
  ]);
  const steps = checkpoints.map((c) => c.step);
  if (!steps.includes(recipe.step))
    throw new AppError("INVALID_INPUT", `Run ${run.id} has no step ${recipe.step} (steps: ${steps.join(", ") || "none"}).`, { field: "step" });
  if (trainingSamples === 0)
    throw new AppError("INVALID_INPUT", `Step ${recipe.step} of run ${run.id} has no training candidates (only evaluation images).`, { field: "step" });

  const picked = pickJudgePerBenchmark(judgmentCounts);
  if (recipe.externalJudge !== undefined) {
    const names = judges.map((j) => j.judge);
    if (!names.includes(recipe.externalJudge))
      throw new AppError("INVALID_INPUT", `Unknown external judge "${recipe.externalJudge}" (judges of this run: ${names.join(", ") || "none"}).`, {
        field: "externalJudge",
      });
  }
  const externalJudges = Object.fromEntries(Object.keys(picked).map((b) => [b, recipe.externalJudge ?? picked[b]!]));
  const resolved = {
    kind: recipe.kind,
    judge: recipe.judge ?? "self",
    maxPerPrompt: recipe.maxPerPrompt ?? null,
    minProb: recipe.minProb ?? null,
    pairing: recipe.pairing ?? "most_confident",
    maxPairsPerPrompt: recipe.maxPairsPerPrompt ?? null,
    minMargin: recipe.minMargin ?? null,
    step: recipe.step,
    externalJudges,
    benchmarks: recipe.benchmarks ? [...recipe.benchmarks].sort() : null,
    subtasks: recipe.subtasks ? [...recipe.subtasks].sort() : null,
    roles: recipe.roles ? [...recipe.roles].sort() : [...TRAINING_ROLES].sort(),
    previousDatasetId: recipe.previousDatasetId ?? null,
  } satisfies TResolvedRecipe & Record<string, unknown>;

  let previous: TDatasetRow | null = null;
  if (recipe.previousDatasetId) {
    previous = previousRow;
    if (!previous || previous.projectId !== run.projectId)
      throw new AppError("INVALID_INPUT", `Unknown dataset "${recipe.previousDatasetId}".`, { field: "previousDatasetId" });
    if (previous.sourceRunId !== run.id || previous.kind !== recipe.kind || recipe.step <= previous.sourceStep) {
      throw new AppError(
        "INVALID_INPUT",
        `A next round re-samples dataset ${previous.id}'s pool later in the same run with the same kind (after step ${previous.sourceStep}).`,
        { field: "previousDatasetId" },
      );
    }
  }
  const poolIds = previous ? (await listPoolPrompts(previous.id)).map((p) => p.id) : null;
  const candidates = await listCandidates(
    { runId: run.id, step: recipe.step, roles: resolved.roles, benchmarks: resolved.benchmarks, subtasks: resolved.subtasks, promptIds: poolIds },
    externalJudges,
  );
  if (candidates.length === 0) {
    const known = new Set(
      (await listCandidates({ runId: run.id, step: recipe.step, roles: resolved.roles, benchmarks: null, subtasks: null, promptIds: null }, {})).map(
        (c) => c.subtask,
      ),
    );
    const unknown = (resolved.subtasks ?? []).find((s) => !known.has(s));
    if (unknown !== undefined)
      throw new AppError("INVALID_INPUT", `Unknown subtask "${unknown}" at step ${recipe.step} (subtasks: ${[...known].sort().join(", ")}).`, {
        field: "subtasks",
      });
  }

  let selection: TSelection;
  let ledger: TRoundLedger[];
  let itemRounds: TPlan["itemRounds"];
  const round = previous ? previous.round + 1 : 0;
  if (previous) {
    const next = nextRound(resolved, { pool: poolIds!, round: previous.round }, recipe.step, candidates);
    selection = next.selection;
    ledger = [...(previous.ledger as TRoundLedger[]), next.ledger];
    const before = await listItemRefs(previous.id);
    itemRounds = [
      ...before,
      ...selection.items.map((i) => ({ sampleId: i.chosen.sampleId, rejectedSampleId: i.rejected?.sampleId ?? null, promptId: i.promptId, round })),
    ];
  } else {
    selection = selectItems(resolved, candidates);
    ledger = [
      {
        round: 0,
        step: recipe.step,
        poolBefore: 0,
        admitted: selection.prompts.length - selection.pool.length,
        remaining: selection.pool.length,
        admittedPromptIds: [],
      },
    ];
    itemRounds = selection.items.map((i) => ({ sampleId: i.chosen.sampleId, rejectedSampleId: i.rejected?.sampleId ?? null, promptId: i.promptId, round: 0 }));
  }
  const threshold = thresholdSetting ?? DEFAULT_PRECISION_THRESHOLD;
  const gate = computeGate(selection.items, recipe.kind === "dpo", threshold);
  const preview: TDatasetPreview = {
    runId: run.id,
    step: recipe.step,
    kind: recipe.kind,
    judge: resolved.judge,
    externalJudges,
    counts: countsOf(selection, new Map()),
    passRateHistogram: passRateHistogram(selection.prompts),
    gate,
    risk: assessRisk(gate),
    ledger,
  };
  return { projectId: run.projectId, preview, resolved, selection, round, previous, itemRounds };
}

/** The recipe applied to the round, nothing stored: counts per subtask, the pass-rate histogram and the gate. */
export async function previewDataset(actor: TActor, runId: string, recipe: TDatasetRecipe): Promise<TDatasetPreview> {
  return (await plan(actor, runId, recipe, "viewer")).preview;
}

export type TDatasetView = TDatasetRow & { risk: TRisk; created?: boolean };
const view = (d: TDatasetRow): TDatasetView => ({ ...d, risk: { atRisk: d.atRisk, reasons: d.riskReasons } });

/**
 * Builds the dataset: refuses an empty selection, and an at-risk one without `acknowledgeRisk`
 * (recorded). Identical recipes on identical data hash alike and return the existing dataset.
 */
export async function buildDataset(actor: TActor, runId: string, recipe: TDatasetRecipe): Promise<TDatasetView> {
  // Editors build; through the API only an admin-scoped key does (issue 17): a training job's ingest key does not.
  requireKeyScope(actor, "admin");
  const p = await plan(actor, runId, recipe, "editor");
  if (p.itemRounds.length === 0 || (p.selection.items.length === 0 && !p.previous)) {
    throw new AppError(
      "INVALID_INPUT",
      `The recipe selects nothing at step ${recipe.step}: ${p.preview.counts.overall.prompts} prompts, ${p.preview.counts.overall.accepted} accepted candidates, 0 ${recipe.kind === "dpo" ? "pairs" : "images"}.`,
      { field: "recipe" },
    );
  }
  if (p.preview.risk.atRisk && recipe.acknowledgeRisk !== true) {
    throw new AppError(
      "INVALID_INPUT",
      `This dataset is at risk of co-degradation; send acknowledgeRisk: true to build it anyway. ${p.preview.risk.reasons.join(" ")}`,
      { field: "acknowledgeRisk", risk: p.preview.risk },
    );
  }
  const contentHash = createHash("sha256")
    .update(JSON.stringify({ projectId: p.projectId, runId: p.preview.runId, recipe: p.resolved, items: p.itemRounds, pool: p.selection.pool }))
    .digest("hex");
  const run = (await findRunForSummary(p.preview.runId))!;
  const { id, created } = await withTransaction((tx) =>
    insertDatasetOnce(tx, {
      projectId: p.projectId,
      name: recipe.name ?? `${run.name} · ${recipe.kind.toUpperCase()} @ ${recipe.step}${p.round > 0 ? ` · round ${p.round}` : ""}`,
      kind: recipe.kind,
      sourceRunId: run.id,
      sourceStep: recipe.step,
      previousId: p.previous?.id ?? null,
      round: p.round,
      recipe,
      resolvedRecipe: p.resolved,
      judge: p.preview.judge,
      counts: { ...p.preview.counts, passRateHistogram: p.preview.passRateHistogram, totalItems: p.itemRounds.length },
      gate: p.preview.gate,
      atRisk: p.preview.risk.atRisk,
      riskReasons: p.preview.risk.reasons,
      acknowledged: p.preview.risk.atRisk && recipe.acknowledgeRisk === true,
      ledger: p.preview.ledger,
      contentHash,
      createdById: actor.kind === "user" ? actor.userId : null,
      items: p.itemRounds,
      pool: p.selection.pool,
    }),
  );
  return { ...view((await findDataset(id))!), created };
}

async function readable(actor: TActor, datasetId: string): Promise<TDatasetRow> {
  const d = isUuid(datasetId) ? await findDataset(datasetId) : null;
  if (!d) throw notFound("Dataset", datasetId);
  await requireProjectRole(actor, d.projectId, "viewer", `Dataset ${datasetId}`);
  return d;
}

/** The dataset with the runs that declared they trained on it (lineage). */
export async function getDataset(actor: TActor, datasetId: string): Promise<TDatasetView & { trainedBy: Awaited<ReturnType<typeof listRunsTrainedOn>> }> {
  const d = await readable(actor, datasetId);
  return { ...view(d), trainedBy: await listRunsTrainedOn(d.id) };
}

/** The prompts to re-sample for the next round: id, text, benchmark, subtask, spec. */
export async function getDatasetPool(actor: TActor, datasetId: string) {
  const d = await readable(actor, datasetId);
  return { datasetId: d.id, prompts: await listPoolPrompts(d.id) };
}

export async function listDatasets(actor: TActor, slug: string): Promise<{ datasets: TDatasetView[] }> {
  const project = await findProjectBySlug(slug);
  if (!project) throw notFound("Project", slug);
  await requireProjectRole(actor, project.id, "viewer");
  return { datasets: (await listProjectDatasets(project.id)).map(view) };
}

export { readable as requireReadableDataset };
