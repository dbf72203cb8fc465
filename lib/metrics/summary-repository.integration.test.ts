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
import { tallyOwnCells, tallyTripleCells, type TJudgmentRecord, type TSampleRecord } from "./tally";
import { datasetArbitrary, materializeDataset } from "./testing/random-dataset";
import type { TRecords } from "./testing/records";
import { ensurePrompts, seedImages } from "./testing/seed-images";

setupTestDatabase();

const byKey = <T extends TCellKey>(cells: T[]) =>
  [...cells].sort((a, b) => a.step - b.step || cmp(a.benchmark, b.benchmark) || cmp(a.subtask, b.subtask) || cmp(a.promptId, b.promptId));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The default external judge by the reference's reading of the rule: most judgments in the run, ties by name. */
function mostProlificJudge(judgments: readonly TJudgmentRecord[]): string | null {
  const counts = new Map<string, number>();
  for (const j of judgments) if (j.kind === "external") counts.set(j.judge, (counts.get(j.judge) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? null;
}

const steps = (samples: readonly TSampleRecord[]) => [...new Set(samples.map((s) => s.step))].sort((a, b) => a - b);

describe("SQL aggregates equal the TypeScript reference on random runs", () => {
  it("per-prompt counters, triples and the whole summary agree exactly", async () => {
    const project = await createTestProject();
    const actor = { kind: "user" as const, userId: project.ownerId };
    await fc.assert(
      fc.asyncProperty(datasetArbitrary, async (dataset) => {
        const baselineRun = dataset.crossRun ? await createTestRun(project.id, { name: "B" }) : null;
        const run = await createTestRun(project.id, { baselineRunId: baselineRun?.id ?? null, baselineStep: baselineRun ? dataset.recordedBaselineStep : null });
        const specs = materializeDataset(dataset, run.id);
        const prompts = await ensurePrompts(project.id, [...specs.run, ...specs.baselineRun]);
        const r: TRecords = await seedImages(run.id, specs.run, prompts);
        const b: TRecords = baselineRun ? await seedImages(baselineRun.id, specs.baselineRun, prompts) : r;

        // Counters, with and without the filters the service uses.
        const judge = mostProlificJudge(r.judgments) ?? (baselineRun ? mostProlificJudge(b.judgments) : null);
        const runSteps = steps(r.samples);
        // Padded with steps nobody logged at, so the long-list path (chunks on parallel connections) runs too.
        const padding = Array.from({ length: 10 }, (_, i) => 1000 + i);
        const sqlOwn = await aggregateOwnCells({ runId: run.id, steps: [...runSteps, ...padding], externalJudge: judge, benchmark: null });
        expect(byKey(sqlOwn)).toEqual(tallyOwnCells(r.samples, r.judgments, judge));
        const someSteps = runSteps.slice(0, 1);
        const filtered = await aggregateOwnCells({ runId: run.id, steps: someSteps, externalJudge: "vlm", benchmark: "t2i" });
        const filteredSamples = r.samples.filter((s) => someSteps.includes(s.step) && s.benchmark === "t2i");
        expect(byKey(filtered)).toEqual(tallyOwnCells(filteredSamples, r.judgments, "vlm"));

        const baselineSteps = steps(b.samples);
        const baselineStep = baselineRun ? (dataset.recordedBaselineStep ?? baselineSteps[0] ?? -1) : (runSteps[0] ?? -1);
        const currentJudge = baselineRun ? `self:${run.id}` : "self";
        const tripleOptions = { baselineStep, currentJudge, steps: runSteps, externalJudge: judge };
        const sqlTriples = await aggregateTripleCells({ baselineRunId: baselineRun?.id ?? run.id, ...tripleOptions, benchmark: null });
        const triples = tallyTripleCells(b.samples, b.judgments, tripleOptions);
        expect(byKey(sqlTriples)).toEqual(triples);
        const streamed = await aggregateTripleCells({ baselineRunId: baselineRun?.id ?? run.id, ...tripleOptions, steps: [...runSteps, ...padding], benchmark: null });
        expect(byKey(streamed)).toEqual(triples);

        // The service (baseline resolution, judge choice, SQL, bootstrap) against the reference.
        const summary = await getRunSummary(actor, run.id);
        expect(ZRunSummary.parse(summary)).toEqual(summary);
        expect(summary.baseline).toEqual({ runId: baselineRun?.id ?? run.id, step: baselineStep, runName: baselineRun?.name ?? run.name });
        expect(summary.externalJudge).toBe(judge);
        const reference = summarizeCheckpoints({
          checkpoints: runSteps.map((step) => ({ step, epoch: null })),
          own: tallyOwnCells(r.samples, r.judgments, judge),
          baseline: tallyOwnCells(b.samples.filter((s) => s.step === baselineStep), b.judgments, judge),
          triples,
          bootstrap: { replicates: DEFAULT_REPLICATES, seed: DEFAULT_SEED },
        });
        expect(summary.checkpoints).toEqual(reference);
      }),
      { seed: 20250722, numRuns: 40 },
    );
  });
});
