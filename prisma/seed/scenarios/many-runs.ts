// many-runs: 10,000 runs in one project — a hyper-parameter sweep around the demo's recipes, for the
// runs table's paging, sorting and filtering. Runs only; their numbers come from their own ingestion.
import "server-only";

import { insertProjectWithOwner } from "@/lib/projects/repository";

import { createRng } from "../rng";
import { findFreeProjectSlug, insertRuns, type TSeedRun } from "../write/seed-repository";
import type { TScenario } from "./types";

export const MANY_RUNS = 10_000;
const BATCH = 2_000;
const METHODS = ["sft", "dpo", "curriculum_sft", "sft", "dpo"] as const;
const LRS = [2e-6, 5e-6, 1e-5, 2e-5];
const STARTED = Date.UTC(2026, 6, 1);

export function sweepRun(i: number, rng: () => number, ownerId: string, baselineRunId: string): TSeedRun {
  const method = METHODS[i % METHODS.length]!;
  const lr = LRS[Math.floor(rng() * LRS.length)]!;
  const seed = Math.floor(rng() * 1000);
  const corruption = rng() < 0.1 ? 0.5 : 0;
  const status = rng() < 0.03 ? "failed" : rng() < 0.02 ? "running" : "finished";
  return {
    name: `sweep-${String(i).padStart(5, "0")} · ${method} · lr ${lr} · seed ${seed}`,
    method,
    tags: ["simulated", "sweep", `group-${i % 50}`, ...(corruption ? ["poor-supervision"] : [])],
    config: { model: "Janus-Pro-7B", method, lr, seed, candidatesPerPrompt: [4, 8, 10][i % 3], labelCorruption: corruption },
    notes: "",
    baselineRunId,
    baselineStep: 0,
    createdById: ownerId,
    createdAt: new Date(STARTED + i * 600_000),
    status,
  };
}

export const seedManyRuns: TScenario = async ({ db, ownerId, log }) => {
  const slug = await findFreeProjectSlug(db.sql, "many-runs");
  const project = await insertProjectWithOwner({ slug, name: `Scale: ${MANY_RUNS.toLocaleString("en")} runs (simulated)`, ownerId });
  const [baselineId] = await insertRuns(db.sql, project.id, [
    {
      name: "Janus-Pro-7B · pre-trained",
      method: "baseline",
      tags: ["simulated"],
      config: { model: "Janus-Pro-7B" },
      notes: "",
      baselineRunId: null,
      baselineStep: null,
      createdById: ownerId,
      createdAt: new Date(STARTED - 600_000),
    },
  ]);
  const rng = createRng(10_000);
  for (let start = 1; start < MANY_RUNS; start += BATCH) {
    const end = Math.min(MANY_RUNS, start + BATCH);
    await insertRuns(
      db.sql,
      project.id,
      Array.from({ length: end - start }, (_, k) => sweepRun(start + k, rng, ownerId, baselineId!)),
    );
    log(`  ${end.toLocaleString("en")} runs`);
  }
  return { projectSlug: slug, summary: `${MANY_RUNS.toLocaleString("en")} runs` };
};
