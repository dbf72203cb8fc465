// The demo project: the paper's experiments in miniature on real GenEval and T2I-CompBench prompts —
// a pre-trained baseline, SFT, DPO, curriculum SFT and SFT on corrupted labels, every sample with a
// picture and every verdict recorded, so every chart is computed from rows by the metrics engine.
import "server-only";

import type { TDatabase } from "@/lib/db/open";
import { refreshProjectRunStats } from "@/lib/metrics/service";
import { insertProjectWithOwner } from "@/lib/projects/repository";

import { loadCompBenchPrompts, loadGenEvalPrompts } from "../prompts/load-prompts";
import { trainingCurves } from "../simulator/curves";
import { METHOD_PARAMS, TRAINING } from "../simulator/params";
import { DEFAULT_SIM_OPTIONS } from "../simulator/simulate-run";
import { DEMO_RUNS, DEMO_SEED, selectDemoPrompts, simulateDemo, type TDemoRunDef } from "../simulator/story";
import { findFreeProjectSlug, insertPrompts, insertRuns } from "../write/seed-repository";
import { writeSimRun } from "../write/write-run";

export type TDemoProject = { projectId: string; slug: string; runIds: Record<string, string>; samples: number; images: number };

const STARTED = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;

function configOf(def: TDemoRunDef): Record<string, unknown> {
  const spec = def.spec;
  return {
    model: "Janus-Pro-7B",
    simulated: true,
    seed: DEMO_SEED,
    evalCandidates: 2,
    ...(spec
      ? {
          method: spec.recipe.method,
          lr: spec.pairs ? 5e-6 : 1e-5,
          epochs: TRAINING.steps / TRAINING.stepsPerEpoch,
          steps: TRAINING.steps,
          candidatesPerPrompt: TRAINING.candidatesPerTrainPrompt,
          labelCorruption: spec.recipe.labelCorruption,
          replayEpochs: spec.replayEpochs,
          dynamics: METHOD_PARAMS[spec.recipe.method],
        }
      : {}),
  };
}

export type TDemoOptions = {
  ownerId: string;
  slug?: string;
  name?: string;
  /** Keep every k-th prompt (1: the whole demo); smaller variants for tests and smoke checks. */
  stride?: number;
  log?: (line: string) => void;
};

export async function seedDemoProject(db: TDatabase, options: TDemoOptions): Promise<TDemoProject> {
  const sets = selectDemoPrompts([...loadGenEvalPrompts(), ...loadCompBenchPrompts()], options.stride ?? 1);
  const slug = await findFreeProjectSlug(db.sql, options.slug ?? "demo");
  const project = await insertProjectWithOwner({ slug, name: options.name ?? "Demo: self-improvement of Janus-Pro (simulated)", ownerId: options.ownerId });
  const promptIds = await insertPrompts(db.sql, project.id, [...sets.eval, ...sets.train]);
  const sim = simulateDemo(sets, DEFAULT_SIM_OPTIONS);

  const [baselineId] = await insertRuns(db.sql, project.id, [
    {
      name: DEMO_RUNS[0]!.name,
      method: "baseline",
      tags: DEMO_RUNS[0]!.tags,
      config: configOf(DEMO_RUNS[0]!),
      notes: DEMO_RUNS[0]!.notes,
      baselineRunId: null,
      baselineStep: null,
      createdById: options.ownerId,
      createdAt: new Date(STARTED),
    },
  ]);
  const trainedIds = await insertRuns(
    db.sql,
    project.id,
    sim.runs.map(({ def }, i) => ({
      name: def.name,
      method: def.method,
      tags: def.tags,
      config: configOf(def),
      notes: def.notes,
      baselineRunId: baselineId!,
      baselineStep: 0,
      createdById: options.ownerId,
      createdAt: new Date(STARTED + (i + 1) * DAY),
    })),
  );

  const images = new Map<string, string>();
  const baselineSamples = await writeSimRun(
    db,
    { runId: baselineId!, run: sim.baseline, promptIds, curves: [], startedAt: new Date(STARTED) },
    images,
    options.log,
  );
  const runIds: Record<string, string> = { baseline: baselineId! };
  let samples = sim.baseline.samples.length;
  for (const [i, { def, run }] of sim.runs.entries()) {
    const runId = trainedIds[i]!;
    runIds[def.key] = runId;
    samples += run.samples.length;
    const curves = trainingCurves({
      steps: TRAINING.steps,
      peakLr: def.spec!.pairs ? 5e-6 : 1e-5,
      dpo: def.spec!.pairs,
      replaySteps: def.spec!.replayEpochs.map((e) => e * TRAINING.stepsPerEpoch),
      seed: DEMO_SEED + i,
    });
    await writeSimRun(
      db,
      { runId, run, promptIds, curves, startedAt: new Date(STARTED + (i + 1) * DAY), baseline: { runId: baselineId!, sampleIds: baselineSamples } },
      images,
      options.log,
    );
  }
  await refreshProjectRunStats(project.id);
  return { projectId: project.id, slug, runIds, samples, images: images.size };
}
