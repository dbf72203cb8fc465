import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireMemberRole, requireProjectRole, requireRunAccess } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { getRunSummary } from "@/lib/metrics/service";
import { sampleImageUrls } from "@/lib/samples/image-urls";

import { listExportPage, type TExportImage } from "./export-repository";
import { DEFAULT_PRECISION_THRESHOLD, type TGate } from "./gate";
import { describeRunLineage } from "./lineage-service";
import { findUserLabels, listConstructionRounds, listPoolPage, listTrainedByInProject, upsertPrecisionThreshold } from "./page-repository";
import type { TRoundLedger } from "./recipe";
import { findPrecisionThreshold } from "./repository";
import { getDataset, listDatasets, type TDatasetView } from "./service";
import type { TBuildSource, TDatasetCard, TDatasetDetail, TDatasetItem, TLineageTrend, TPoolPrompt, TRunLineageLine } from "./types";

// The datasets pages' use cases on top of the API's (service.ts): cards with their lineage and
// builder, a dataset's items a page at a time, the rounds a build may start from, the project's
// gate threshold (owners set it), and the run page's "trained on" lines.

const ITEMS_PAGE = 24;
export const POOL_PAGE = 12;

function cardOf(d: TDatasetView, trainedBy: TDatasetCard["trainedBy"], createdBy: string | null): TDatasetCard {
  return {
    id: d.id,
    name: d.name,
    kind: d.kind,
    sourceRun: { runId: d.sourceRunId, name: d.sourceRunName },
    sourceStep: d.sourceStep,
    round: d.round,
    previousId: d.previousId,
    judge: d.judge,
    recipe: (d.resolvedRecipe ?? {}) as Record<string, unknown>,
    itemCount: d.itemCount,
    poolCount: d.poolCount,
    gate: d.gate as TGate,
    risk: d.risk,
    riskAcknowledgedAt: d.riskAcknowledgedAt,
    createdBy,
    createdAt: d.createdAt,
    contentHash: d.contentHash,
    trainedBy,
  };
}

/** The project's datasets, newest first, with who built them and the runs trained on them. */
export async function listDatasetCards(actor: TActor, project: { id: string; slug: string }): Promise<TDatasetCard[]> {
  const { datasets } = await listDatasets(actor, project.slug);
  const [trainedBy, creators] = await Promise.all([
    listTrainedByInProject(project.id),
    findUserLabels([...new Set(datasets.map((d) => d.createdById).filter((id): id is string => id !== null))]),
  ]);
  return datasets.map((d) => cardOf(d, trainedBy.get(d.id) ?? [], d.createdById ? (creators.get(d.createdById) ?? null) : null));
}

/** One dataset of the project (NOT_FOUND when it belongs to another): card, counts, ledger and lineage. */
export async function getDatasetDetail(actor: TActor, projectId: string, datasetId: string): Promise<TDatasetDetail> {
  const d = await getDataset(actor, datasetId);
  if (d.projectId !== projectId) throw notFound("Dataset", datasetId);
  const creators = await findUserLabels(d.createdById ? [d.createdById] : []);
  return {
    ...cardOf(
      d,
      d.trainedBy.map((r) => ({ runId: r.runId, name: r.name })),
      d.createdById ? (creators.get(d.createdById) ?? null) : null,
    ),
    counts: d.counts as TDatasetDetail["counts"],
    ledger: (d.ledger ?? []) as TRoundLedger[],
    resolvedRecipe: (d.resolvedRecipe ?? {}) as Record<string, unknown>,
    lineage: d.trainedBy,
  };
}

/** How many trained-on runs the dataset page classifies (each is one checkpoint's summary). */
const LINEAGE_TRENDS = 20;

/**
 * The latest checkpoint's co-trend class and data-quality alarm of each run trained on the dataset
 * (the first LINEAGE_TRENDS), as the run page computes them: a co-degrading run points at its data.
 * A run whose summary cannot be computed (no baseline checkpoint yet …) is left out.
 */
export async function listLineageTrends(actor: TActor, lineage: TDatasetDetail["lineage"]): Promise<Map<string, TLineageTrend>> {
  const runs = lineage.filter((r) => r.latestStep !== null).slice(0, LINEAGE_TRENDS);
  const trends = await Promise.all(
    runs.map(async (r) => {
      try {
        const summary = await getRunSummary(actor, r.runId, { step: r.latestStep! });
        const latest = summary.checkpoints[summary.checkpoints.length - 1];
        return latest ? ([r.runId, { step: latest.step, class: latest.trend.class, alarm: latest.trend.alarm }] as const) : null;
      } catch {
        return null;
      }
    }),
  );
  return new Map(trends.filter((t) => t !== null));
}

const bit = (v: number | null): 0 | 1 | null => (v === null ? null : v === 1 ? 1 : 0);
function imageOf(img: TExportImage, thumbSize: 128 | 320 = 320) {
  const urls = img.sha256 ? sampleImageUrls(img.sampleId, img.sha256, thumbSize) : null;
  return {
    sampleId: img.sampleId,
    candidate: img.candidate,
    thumbUrl: urls?.thumbUrl ?? null,
    fullUrl: urls?.fullUrl ?? null,
    selfVerdict: bit(img.selfVerdict),
    selfProb: img.selfProb,
    externalVerdict: bit(img.externalVerdict),
  };
}

/** A page of the dataset's items in their order (keyset by position), for the grid. */
export async function listDatasetItems(
  actor: TActor,
  projectId: string,
  datasetId: string,
  afterPosition: number,
): Promise<{ items: TDatasetItem[]; nextAfter: number | null }> {
  const d = await getDataset(actor, datasetId);
  if (d.projectId !== projectId) throw notFound("Dataset", datasetId);
  const rows = await listExportPage(d.id, afterPosition, ITEMS_PAGE + 1);
  const items = rows.slice(0, ITEMS_PAGE).map((r) => ({
    position: r.position,
    round: r.round,
    prompt: r.prompt,
    promptExternalId: r.promptExternalId,
    benchmark: r.benchmark,
    subtask: r.subtask,
    chosen: imageOf(r.chosen),
    rejected: r.rejected ? imageOf(r.rejected) : null,
  }));
  return { items, nextAfter: rows.length > ITEMS_PAGE ? items[items.length - 1]!.position : null };
}

/**
 * A page (1-based, POOL_PAGE prompts) of the dataset's discard pool in external-id order, each prompt
 * with its candidates at the dataset's step and their verdicts; `pages` counts the pages (at least 1),
 * and a page outside them is NOT_FOUND (the page's 404).
 */
export async function listDatasetPool(
  actor: TActor,
  projectId: string,
  datasetId: string,
  page: number,
): Promise<{ prompts: TPoolPrompt[]; page: number; pages: number; total: number }> {
  const d = await getDataset(actor, datasetId);
  if (d.projectId !== projectId) throw notFound("Dataset", datasetId);
  const pages = Math.max(1, Math.ceil(d.poolCount / POOL_PAGE));
  if (!Number.isInteger(page) || page < 1 || page > pages) throw notFound("Pool page", String(page));
  const prompts = new Map<string, TPoolPrompt>();
  for (const r of await listPoolPage(d.id, (page - 1) * POOL_PAGE, POOL_PAGE)) {
    const prompt =
      prompts.get(r.promptId) ??
      prompts
        .set(r.promptId, { promptId: r.promptId, externalId: r.externalId, text: r.text, benchmark: r.benchmark, subtask: r.subtask, candidates: [] })
        .get(r.promptId)!;
    if (r.sampleId !== null)
      prompt.candidates.push(
        imageOf(
          {
            sampleId: r.sampleId,
            candidate: r.candidate ?? 0,
            sha256: r.sha256,
            mediaType: null,
            selfVerdict: r.selfVerdict,
            selfProb: r.selfProb,
            externalVerdict: r.externalVerdict,
          },
          128,
        ),
      );
  }
  return { prompts: [...prompts.values()], page, pages, total: d.poolCount };
}

/** The project's runs with the steps that hold training candidates (what the build form offers). */
export async function listBuildSources(actor: TActor, projectId: string): Promise<TBuildSource[]> {
  await requireProjectRole(actor, projectId, "viewer");
  const sources = new Map<string, TBuildSource>();
  for (const r of await listConstructionRounds(projectId)) {
    const source = sources.get(r.runId) ?? sources.set(r.runId, { runId: r.runId, name: r.name, steps: [] }).get(r.runId)!;
    source.steps.push({ step: r.step, samples: r.samples });
  }
  return [...sources.values()];
}

/** The precision below which a dataset is at risk (default 0.6); every member may read it. */
export async function getPrecisionThreshold(actor: TActor, projectId: string): Promise<number> {
  await requireProjectRole(actor, projectId, "viewer");
  return (await findPrecisionThreshold(projectId)) ?? DEFAULT_PRECISION_THRESHOLD;
}

/** Owners set the threshold; it applies to previews and builds from now on (built sets keep their gate). */
export async function setPrecisionThreshold(actor: TActor, projectId: string, threshold: number): Promise<number> {
  await requireMemberRole(actor, projectId, "owner");
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
    throw new AppError("INVALID_INPUT", "The precision threshold is a fraction between 0 and 1.", { field: "threshold" });
  await upsertPrecisionThreshold(projectId, threshold);
  return threshold;
}

/** "trained on <dataset> — built from <run> @ <step>, judge <judge>, precision p [lo, hi]" for each dataset the run trained on. */
export async function getRunLineage(actor: TActor, run: { id: string; projectId: string }): Promise<TRunLineageLine[]> {
  await requireRunAccess(actor, run, "viewer");
  if (actor.kind === "share") return [];
  return describeRunLineage(run.id);
}
