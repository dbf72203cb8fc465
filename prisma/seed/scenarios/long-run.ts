// long-run: one run with 1,000,000 points of `train/loss`, a single-step spike planted at SPIKE_STEP
// and NaNs at NAN_STEPS — the shapes that break naive downsampling (the spike must survive bucketing,
// a NaN is a gap, never a zero).
import "server-only";

import { insertProjectWithOwner } from "@/lib/projects/repository";
import { insertMetricPoints } from "@/lib/series/repository";

import { createRng, gaussian } from "../rng";
import { findFreeProjectSlug, insertRuns } from "../write/seed-repository";
import type { TScenario } from "./types";

export const LONG_RUN_POINTS = 1_000_000;
export const SPIKE_STEP = 777_777;
export const SPIKE_VALUE = 42;
export const NAN_STEPS = [12_345, 250_000, 250_001, 250_002, 500_500, 640_000, 901_234, 999_000] as const;
const BATCH = 100_000;
const STARTED = Date.UTC(2026, 8, 1);

/** The loss at `step`: a slow decay with noise, plus the planted spike and NaNs. */
export function longRunValue(step: number, noise: number): number {
  if (step === SPIKE_STEP) return SPIKE_VALUE;
  if ((NAN_STEPS as readonly number[]).includes(step)) return Number.NaN;
  return 0.6 + 1.6 * Math.exp(-step / 120_000) + 0.04 * noise;
}

export const seedLongRun: TScenario = async ({ db, ownerId, log }) => {
  const slug = await findFreeProjectSlug(db.sql, "long-run");
  const project = await insertProjectWithOwner({ slug, name: "Scale: a 1,000,000-step run (simulated)", ownerId });
  const [runId] = await insertRuns(db.sql, project.id, [
    {
      name: "Janus-Pro-7B · long SFT (1M steps)",
      method: "sft",
      tags: ["simulated", "long-run"],
      config: { model: "Janus-Pro-7B", steps: LONG_RUN_POINTS, spikeStep: SPIKE_STEP, nanSteps: NAN_STEPS },
      notes: `A single-step spike at step ${SPIKE_STEP} and ${NAN_STEPS.length} NaN points are planted on purpose.`,
      baselineRunId: null,
      baselineStep: null,
      createdById: ownerId,
      createdAt: new Date(STARTED),
    },
  ]);
  const rng = createRng(1_000_000);
  for (let start = 0; start < LONG_RUN_POINTS; start += BATCH) {
    const points = Array.from({ length: Math.min(BATCH, LONG_RUN_POINTS - start) }, (_, k) => {
      const step = start + k;
      return { key: "train/loss", step, value: longRunValue(step, gaussian(rng)), wallTime: new Date(STARTED + step * 1000) };
    });
    await insertMetricPoints(db.sql, runId!, points);
    log(`  ${(start + points.length).toLocaleString("en")} points`);
  }
  return { projectSlug: slug, summary: `${LONG_RUN_POINTS.toLocaleString("en")} points of train/loss (spike at step ${SPIKE_STEP}, ${NAN_STEPS.length} NaNs)` };
};
