// many-samples: 1,000,000 samples with a self and an external judgment each (3M rows), drawn by the
// simulator from 500 GenEval prompts × 4 candidates × 500 checkpoints of one SFT run. Images are the
// renderer's, shared per (prompt, variant, error), so the sample browser has real pictures at scale.
import "server-only";

import { refreshProjectRunStats } from "@/lib/metrics/service";
import { insertProjectWithOwner } from "@/lib/projects/repository";

import { loadGenEvalPrompts, type TPromptRecord } from "../prompts/load-prompts";
import { modelAt } from "../simulator/model";
import { createDraws, type TDraws } from "../simulator/random";
import { evaluateCheckpoint } from "../simulator/simulate-run";
import type { TSimSample } from "../simulator/types";
import { copyJudgments, copySamples } from "../write/copy-rows";
import { imageCacheKey, storeImages } from "../write/image-store";
import { findFreeProjectSlug, insertCheckpoints, insertPrompts, insertRuns } from "../write/seed-repository";
import { judgmentsOf, toSampleRow } from "../write/write-run";
import type { TScenario } from "./types";

export const MANY_SAMPLES = { prompts: 500, candidates: 4, checkpoints: 500, stepEvery: 10 } as const;
const CHECKPOINTS_PER_BATCH = 5;
const STARTED = Date.UTC(2026, 7, 1);

function drawCheckpoint(prompts: readonly TPromptRecord[], step: number, draws: TDraws): TSimSample[] {
  const last = (MANY_SAMPLES.checkpoints - 1) * MANY_SAMPLES.stepEvery;
  const model = modelAt({ method: "sft", labelCorruption: 0, replays: [] }, step / last);
  return evaluateCheckpoint(model, prompts, step, step / 100, `many@${step}`, { evalCandidates: () => MANY_SAMPLES.candidates }, draws);
}

export const seedManySamples: TScenario = async ({ db, ownerId, log }) => {
  const prompts = loadGenEvalPrompts().slice(0, MANY_SAMPLES.prompts);
  const slug = await findFreeProjectSlug(db.sql, "many-samples");
  const project = await insertProjectWithOwner({ slug, name: "Scale: 1,000,000 samples (simulated)", ownerId });
  const promptIds = await insertPrompts(db.sql, project.id, prompts);
  const [runId] = await insertRuns(db.sql, project.id, [
    {
      name: "Janus-Pro-7B · SFT, dense evaluation",
      method: "sft",
      tags: ["simulated", "many-samples"],
      config: { model: "Janus-Pro-7B", ...MANY_SAMPLES },
      notes: "",
      baselineRunId: null,
      baselineStep: null,
      createdById: ownerId,
      createdAt: new Date(STARTED),
    },
  ]);
  const steps = Array.from({ length: MANY_SAMPLES.checkpoints }, (_, k) => k * MANY_SAMPLES.stepEvery);
  await insertCheckpoints(
    db.sql,
    runId!,
    steps.map((step) => ({ step, epoch: step / 100, label: `step ${step}` })),
  );
  const images = new Map<string, string>();
  const draws = createDraws(1_000_000);
  let written = 0;
  for (let k = 0; k < steps.length; k += CHECKPOINTS_PER_BATCH) {
    const drawn = steps.slice(k, k + CHECKPOINTS_PER_BATCH).flatMap((step) => drawCheckpoint(prompts, step, draws));
    await storeImages(
      drawn.map((d) => ({ prompt: d.prompt, variant: d.image.variant, error: d.image.error })),
      images,
    );
    const rows = drawn.map((d) =>
      toSampleRow(d, promptIds.get(d.prompt.externalId)!, images.get(imageCacheKey({ prompt: d.prompt, variant: d.image.variant, error: d.image.error }))),
    );
    const ids = await copySamples(db, runId!, rows);
    await copyJudgments(
      db,
      drawn.flatMap((d, i) => judgmentsOf(d, ids[i]!, runId!)),
    );
    written += rows.length;
    if (written % 100_000 === 0) log(`  ${written.toLocaleString("en")} samples`);
  }
  log("computing the run's cached figures (run_stats)");
  await refreshProjectRunStats(project.id);
  return { projectSlug: slug, summary: `${written.toLocaleString("en")} samples with ${(2 * written).toLocaleString("en")} judgments, ${images.size} images` };
};
