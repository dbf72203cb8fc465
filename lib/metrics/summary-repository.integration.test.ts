import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createTestProject, createTestRun } from "@/prisma/factories";

import { DEFAULT_REPLICATES, DEFAULT_SEED } from "./bootstrap";
import type { TCellKey } from "./counts";
import { getRunSummary } from "./service";
import { summarizeCheckpoints } from "./summarize";
import { aggregateOwnCells, aggregateTripleCells } from "./summary-repository";
import { ZRunSummary } from "./summary-types";
import { pickJudgePerBenchmark, singleJudge, type TExternalJudges } from "./external-judges";
import { EVAL_ROLES, TRAINING_ROLES } from "./sample-roles";
import { tallyOwnCells, tallyTripleCells, type TSampleRecord } from "./tally";
import { datasetArbitrary, materializeDataset } from "./testing/random-dataset";
import type { TRecords } from "./testing/records";
import { ensurePrompts, seedImages } from "./testing/seed-images";

setupTestDatabase();

const byKey = <T extends TCellKey>(cells: T[]) =>
  [...cells].sort((a, b) => a.step - b.step || cmp(a.benchmark, b.benchmark) || cmp(a.subtask, b.subtask) || cmp(a.promptId, b.promptId));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The default external judges by the reference's reading of the rule: per benchmark, most judgments on evaluation images of the run and its baseline, ties by name. */
function judgesPerBenchmark(...records: readonly TRecords[]): TExternalJudges {
  const counts = new Map<string, { benchmark: string; subtask: string; judge: string; judgments: number }>();
  for (const { samples, judgments } of records) {
    const byId = new Map(samples.map((s) => [s.id, s]));
    for (const j of judgments) {
      const sample = byId.get(j.sampleId)!;
      if (j.kind !== "external" || j.judgeStep !== -1 || sample.role !== "eval") continue;
      const key = `${sample.benchmark}|${sample.subtask}|${j.judge}`;
      const entry = counts.get(key) ?? { benchmark: sample.benchmark, subtask: sample.subtask, judge: j.judge, judgments: 0 };
      entry.judgments += 1;
      counts.set(key, entry);
    }
  }
  return pickJudgePerBenchmark([...counts.values()]);
}

const steps = (samples: readonly TSampleRecord[]) => [...new Set(samples.map((s) => s.step))].sort((a, b) => a - b);

describe("SQL aggregates equal the TypeScript reference on random runs", () => {
  it("per-prompt counters, triples and the whole summary agree exactly", async () => {
    const project = await createTestProject();
    const actor = { kind: "user" as const, userId: project.ownerId };
    await fc.assert(
      fc.asyncProperty(datasetArbitrary, async (dataset) => {
        const baselineRun = dataset.crossRun ? await createTestRun(project.id, { name: "B" }) : null;
        const run = await createTestRun(project.id, {
          baselineRunId: baselineRun?.id ?? null,
          baselineStep: baselineRun ? dataset.recordedBaselineStep : null,
        });
        const specs = materializeDataset(dataset, run.id);
        const prompts = await ensurePrompts(project.id, [...specs.run, ...specs.baselineRun]);
        const r: TRecords = await seedImages(run.id, specs.run, prompts);
        const b: TRecords = baselineRun ? await seedImages(baselineRun.id, specs.baselineRun, prompts) : r;

        // Counters, with and without the filters the service uses.
        const judges = baselineRun ? judgesPerBenchmark(r, b) : judgesPerBenchmark(r);
        const runSteps = steps(r.samples);
        // Padded with steps nobody logged at, so the long-list path (chunks on parallel connections) runs too.
        const padding = Array.from({ length: 10 }, (_, i) => 1000 + i);
        const sqlOwn = await aggregateOwnCells({ runId: run.id, steps: [...runSteps, ...padding], externalJudges: judges, benchmark: null, roles: EVAL_ROLES });
        expect(byKey(sqlOwn)).toEqual(tallyOwnCells(r.samples, r.judgments, judges));
        const someSteps = runSteps.slice(0, 1);
        const filtered = await aggregateOwnCells({ runId: run.id, steps: someSteps, externalJudges: { t2i: "vlm" }, benchmark: "t2i", roles: EVAL_ROLES });
        const filteredSamples = r.samples.filter((s) => someSteps.includes(s.step) && s.benchmark === "t2i");
        expect(byKey(filtered)).toEqual(tallyOwnCells(filteredSamples, r.judgments, { t2i: "vlm" }));
        // The curriculum's view: training candidates only.
        const training = await aggregateOwnCells({ runId: run.id, steps: runSteps, externalJudges: judges, benchmark: null, roles: TRAINING_ROLES });
        expect(byKey(training)).toEqual(tallyOwnCells(r.samples, r.judgments, judges, TRAINING_ROLES));

        const baselineSteps = steps(b.samples);
        const baselineStep = baselineRun ? (dataset.recordedBaselineStep ?? baselineSteps[0] ?? -1) : (runSteps[0] ?? -1);
        const currentJudge = baselineRun ? `self:${run.id}` : "self";
        const tripleOptions = { baselineStep, currentJudge, steps: runSteps, externalJudges: judges };
        const sqlTriples = await aggregateTripleCells({ baselineRunId: baselineRun?.id ?? run.id, ...tripleOptions, benchmark: null });
        const triples = tallyTripleCells(b.samples, b.judgments, tripleOptions);
        expect(byKey(sqlTriples)).toEqual(triples);
        const streamed = await aggregateTripleCells({
          baselineRunId: baselineRun?.id ?? run.id,
          ...tripleOptions,
          steps: [...runSteps, ...padding],
          benchmark: null,
        });
        expect(byKey(streamed)).toEqual(triples);

        // The service (baseline resolution, judge choice, SQL, bootstrap) against the reference.
        const summary = await getRunSummary(actor, run.id);
        expect(ZRunSummary.parse(summary)).toEqual(summary);
        expect(summary.baseline).toEqual({ runId: baselineRun?.id ?? run.id, step: baselineStep, runName: baselineRun?.name ?? run.name });
        expect(summary.externalJudges).toEqual(judges);
        expect(summary.externalJudge).toBe(singleJudge(judges));
        const reference = summarizeCheckpoints({
          checkpoints: runSteps.map((step) => ({ step, epoch: null })),
          own: tallyOwnCells(r.samples, r.judgments, judges),
          baseline: tallyOwnCells(
            b.samples.filter((s) => s.step === baselineStep),
            b.judgments,
            judges,
          ),
          triples,
          bootstrap: { replicates: DEFAULT_REPLICATES, seed: DEFAULT_SEED },
        });
        expect(summary.checkpoints).toEqual(reference);
      }),
      { seed: 20250722, numRuns: 40 },
    );
  });
});
