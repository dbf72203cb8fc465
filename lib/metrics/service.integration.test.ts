import { describe, expect, it } from "vitest";

import type { TActor } from "@/lib/auth/actor";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createTestProject, createTestRun, createTestUser } from "@/prisma/factories";

import { getBaselineCheckpoint, getRunStat, getRunSummary, refreshRunStat } from "./service";
import { ZRunSummary } from "./summary-types";
import { repeat, type TImageSpec } from "./testing/records";
import { ensurePrompts, seedImages } from "./testing/seed-images";

const db = setupTestDatabase();

const owner = (project: { ownerId: string }): TActor => ({ kind: "user", userId: project.ownerId });

async function runWithImages(images: TImageSpec[], options: { baselineRunId?: string; baselineStep?: number } = {}) {
  const project = await createTestProject();
  const run = await createTestRun(project.id, options);
  await seedImages(run.id, images, await ensurePrompts(project.id, images));
  return { project, run };
}

// The paper's subtask Non values 43.33, 43.00, 27.33, 31.00, 2.33, 10.33 (n = 300 each) → 26.22.
const PAPER: [string, number][] = [
  ["color", 130],
  ["shape", 129],
  ["texture", 82],
  ["spatial", 93],
  ["non_spatial", 7],
  ["complex", 31],
];
const paperImages = (step: number): TImageSpec[] =>
  PAPER.flatMap(([subtask, rejected]) =>
    Array.from({ length: 300 }, (_, i) => ({ step, promptId: `${subtask}-${i % 100}`, subtask, self: (i < rejected ? 0 : 1) as 0 | 1 })),
  );

describe("run summary through PostgreSQL (known answers)", () => {
  it("reproduces the paper's Overall 26.22 from 1,800 stored self verdicts", async () => {
    const { project, run } = await runWithImages(paperImages(100));
    const summary = ZRunSummary.parse(await getRunSummary(owner(project), run.id));
    const [checkpoint] = summary.checkpoints;
    expect(checkpoint!.subtasks.map((s) => (s.non.value! * 100).toFixed(2)).sort()).toEqual(["10.33", "2.33", "27.33", "31.00", "43.00", "43.33"]);
    expect((checkpoint!.overall.non.value! * 100).toFixed(2)).toBe("26.22");
    expect(summary.baseline).toEqual({ runId: run.id, step: 100, runName: run.name });
    expect(summary.externalJudge).toBeNull();
  });

  it("compares against another run's checkpoint judged by this run's checkpoints", async () => {
    const project = await createTestProject();
    const base = await createTestRun(project.id, { name: "pre-trained" });
    const run = await createTestRun(project.id, { baselineRunId: base.id });
    // Baseline images (ext, base self) judged by run step 50 as "self:<run>":
    // (0,1)→0 corrected FP ×3, (1,0)→1 ×1, (0,0)→1 new FP ×1, (1,1)→1 ×5. Und = 4 wins / 5 disagreements.
    const judge = `self:${run.id}`;
    const baseImages: TImageSpec[] = [
      ...repeat(3, { step: 0, promptId: "a", self: 1, external: 0, judgedBy: [[judge, 50, 0]] }),
      { step: 0, promptId: "b", self: 0, external: 1, judgedBy: [[judge, 50, 1]] },
      { step: 0, promptId: "b", self: 0, external: 0, judgedBy: [[judge, 50, 1]] },
      ...repeat(5, { step: 0, promptId: "c", self: 1, external: 1, judgedBy: [[judge, 50, 1]] }),
    ];
    const runImages: TImageSpec[] = [
      ...repeat(7, { step: 50, promptId: "a", self: 1, external: 1 }),
      ...repeat(3, { step: 50, promptId: "b", self: 0, external: 0 }),
    ];
    const prompts = await ensurePrompts(project.id, [...baseImages, ...runImages]);
    await seedImages(base.id, baseImages, prompts);
    await seedImages(run.id, runImages, prompts);

    const summary = await getRunSummary(owner(project), run.id);
    expect(summary.baseline).toEqual({ runId: base.id, step: 0, runName: "pre-trained" });
    const s = summary.checkpoints[0]!.subtasks[0]!;
    expect(s.und).toMatchObject({ value: 4 / 5, n: 5, lowN: true });
    expect(s.triples).toMatchObject({ correctedFalsePositives: 3, newFalsePositives: 1, n: 10 });
    expect(s.gen).toMatchObject({ value: 0.7, n: 10 });
    // Baseline Gen 6/10, Non 2/10; step 50 Gen 7/10, Non 3/10 → ΔGen +0.1, ΔNon +0.1.
    expect(summary.checkpoints[0]!.trend.deltaGen.value).toBeCloseTo(0.1, 12);
    expect(summary.checkpoints[0]!.trend.deltaNon.value).toBeCloseTo(0.1, 12);
  });

  it("gives the baseline checkpoint's own figures to whoever may read the run, a run-scoped share link too", async () => {
    const project = await createTestProject();
    const base = await createTestRun(project.id, { name: "pre-trained" });
    const run = await createTestRun(project.id, { baselineRunId: base.id });
    const baseImages: TImageSpec[] = [
      ...repeat(6, { step: 0, promptId: "a", self: 1, external: 1 }),
      ...repeat(4, { step: 0, promptId: "b", self: 0, external: 0 }),
    ];
    const runImages: TImageSpec[] = repeat(10, { step: 50, promptId: "a", self: 1, external: 1 });
    const prompts = await ensurePrompts(project.id, [...baseImages, ...runImages]);
    await seedImages(base.id, baseImages, prompts);
    await seedImages(run.id, runImages, prompts);
    const share: TActor = { kind: "share", linkId: "l", projectId: project.id, scope: "run", runIds: [run.id], sampleIds: [], anonymized: true };
    for (const actor of [owner(project), share]) {
      const checkpoint = await getBaselineCheckpoint(actor, run.id);
      expect(checkpoint).toMatchObject({ step: 0 });
      expect(checkpoint!.overall.gen).toMatchObject({ value: 0.6, n: 10 });
      expect(checkpoint!.overall.non).toMatchObject({ value: 0.4, n: 10 });
    }
    // The baseline run itself stays out of the link's reach.
    await expect(getRunSummary(share, base.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("honours baselineStep, step, externalJudge and benchmark", async () => {
    const images: TImageSpec[] = [0, 10, 20].flatMap((step) => [
      ...repeat(4, { step, promptId: "a", self: 1, external: step === 20 ? 1 : 0 }),
      ...repeat(2, {
        step,
        promptId: "g",
        benchmark: "geneval",
        subtask: "counting",
        self: 0,
        external: 1,
        extra: [{ kind: "external" as const, judge: "vlm", judgeStep: -1, verdict: 0 }],
      }),
    ]);
    const { project, run } = await runWithImages(images);
    const summary = await getRunSummary(owner(project), run.id, { baselineStep: 10, step: 20, externalJudge: "vlm", benchmark: "geneval" });
    expect(summary.baseline.step).toBe(10);
    expect(summary.externalJudge).toBe("vlm");
    expect(summary.checkpoints.map((c) => c.step)).toEqual([20]);
    expect(summary.checkpoints[0]!.subtasks.map((s) => [s.benchmark, s.subtask, s.gen.value])).toEqual([["geneval", "counting", 0]]);
    // The default judge per benchmark: t2i has geneval only; on geneval's images geneval (6) and vlm (6) tie → by name.
    const byDefault = await getRunSummary(owner(project), run.id);
    expect(byDefault.externalJudges).toEqual({ geneval: "geneval", t2i: "geneval" });
    expect(byDefault.externalJudge).toBe("geneval");
    expect(summary.externalJudges).toEqual({ geneval: "vlm" });
  });

  it("scores each benchmark with its own judge, and a checkpoint on its evaluation images only", async () => {
    // GenEval's prompts judged by its detector (and a few by the VLM), T2I-CompBench's by the VLM.
    // Training candidates (SFT-chosen, discarded) of the same checkpoint must change nothing.
    const images: TImageSpec[] = [
      ...repeat(3, {
        step: 0,
        promptId: "g",
        benchmark: "geneval",
        subtask: "counting",
        self: 1,
        external: 1,
        extra: [{ kind: "external" as const, judge: "qwen", judgeStep: -1, verdict: 0 }],
      }),
      { step: 0, promptId: "g", benchmark: "geneval", subtask: "counting", self: 0, external: 0 },
      ...repeat(4, { step: 0, promptId: "t", benchmark: "t2i-compbench", subtask: "color", self: 1, external: 0, externalJudge: "qwen" }),
      ...repeat(2, { step: 0, promptId: "t", benchmark: "t2i-compbench", subtask: "color", self: 1, external: 1, externalJudge: "qwen" }),
      ...repeat(5, { step: 0, promptId: "g", benchmark: "geneval", subtask: "counting", role: "sft_chosen", self: 1, external: 0 }),
      ...repeat(5, { step: 0, promptId: "t", benchmark: "t2i-compbench", subtask: "color", role: "discarded", self: 0, external: 1, externalJudge: "qwen" }),
    ];
    const { project, run } = await runWithImages(images);
    const summary = await getRunSummary(owner(project), run.id);
    expect(summary.externalJudges).toEqual({ geneval: "geneval", "t2i-compbench": "qwen" });
    expect(summary.externalJudge).toBeNull();
    const subtasks = summary.checkpoints[0]!.subtasks.map((t) => [t.benchmark, t.gen.value, t.gen.n, t.non.value, t.non.n]);
    expect(subtasks).toEqual([
      ["geneval", 3 / 4, 4, 1 / 4, 4],
      ["t2i-compbench", 2 / 6, 6, 0, 6],
    ]);
    // Asked for one judge, it is used for every benchmark.
    const qwen = await getRunSummary(owner(project), run.id, { externalJudge: "qwen" });
    expect(qwen.externalJudges).toEqual({ geneval: "qwen", "t2i-compbench": "qwen" });
    expect(qwen.checkpoints[0]!.subtasks.map((t) => t.gen.value)).toEqual([0, 2 / 6]);
    // The cached figures follow the same rules.
    expect(await refreshRunStat(run.id)).toMatchObject({ gen: (3 / 4 + 2 / 6) / 2, genN: 10, non: 1 / 8, nonN: 10 });
  });
});

describe("run summary: who may read it and which parameters are refused", () => {
  it("is readable by members and the project's API keys, and not found for anyone else", async () => {
    const { project, run } = await runWithImages(repeat(3, { step: 0, promptId: "a", self: 1 }));
    const stranger = await createTestUser();
    const otherProject = await createTestProject();
    await expect(getRunSummary({ kind: "apiKey", keyId: "k", projectId: project.id, scope: "admin" }, run.id)).resolves.toMatchObject({ runId: run.id });
    await expect(getRunSummary({ kind: "user", userId: stranger.id }, run.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRunSummary({ kind: "apiKey", keyId: "k", projectId: otherProject.id, scope: "admin" }, run.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getRunSummary(owner(project), "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRunSummary(owner(project), "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a baseline step, step, judge or baseline run that does not exist here", async () => {
    const { project, run } = await runWithImages(repeat(3, { step: 0, promptId: "a", self: 1, external: 1 }));
    const elsewhere = await createTestRun((await createTestProject()).id);
    const refuse = (query: Parameters<typeof getRunSummary>[2]) =>
      expect(getRunSummary(owner(project), run.id, query)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await refuse({ baselineStep: 7 });
    await refuse({ step: 7 });
    await refuse({ externalJudge: "nobody" });
    await refuse({ baseline: elsewhere.id });
    await refuse({ baseline: (await createTestRun(project.id)).id }); // a run with no checkpoint yet
  });

  it("answers a run without checkpoints with an empty summary and its baseline at step -1", async () => {
    const project = await createTestProject();
    const base = await createTestRun(project.id);
    const run = await createTestRun(project.id, { baselineRunId: base.id });
    const summary = ZRunSummary.parse(await getRunSummary(owner(project), run.id));
    expect(summary).toEqual({
      runId: run.id,
      baseline: { runId: base.id, step: -1, runName: base.name },
      externalJudge: null,
      externalJudges: {},
      checkpoints: [],
    });
  });

  it("names the baseline as an anonymized share link names runs", async () => {
    const project = await createTestProject();
    const base = await createTestRun(project.id, { name: "secret baseline" });
    const run = await createTestRun(project.id, { name: "secret run", baselineRunId: base.id });
    const share = (anonymized: boolean, runIds: string[]): TActor => ({
      kind: "share",
      linkId: "l",
      projectId: project.id,
      scope: "comparison",
      runIds,
      sampleIds: [],
      anonymized,
    });
    expect((await getRunSummary(share(true, [run.id, base.id]), run.id)).baseline.runName).toBe("Run B");
    expect((await getRunSummary(share(true, [run.id]), run.id)).baseline.runName).toBe("Run B");
    expect((await getRunSummary(share(false, [run.id]), run.id)).baseline.runName).toBe("secret baseline");
  });
});

describe("cached run stats", () => {
  it("stores the latest checkpoint's Overall, the Non series and the benchmarks", async () => {
    const images: TImageSpec[] = [
      ...repeat(4, { step: 0, promptId: "a", self: 0, external: 0 }),
      ...repeat(4, { step: 10, promptId: "a", self: 1, external: 1 }),
      { step: 10, promptId: "a", self: 0, external: 1 },
      ...repeat(2, { step: 10, promptId: "b", benchmark: "geneval", subtask: "colors", self: 1, external: 0 }),
    ];
    const { project, run } = await runWithImages(images);
    const stat = await refreshRunStat(run.id);
    // Step 10: t2i/color Non 1/5, geneval/colors Non 0/2 → unweighted 0.1; Gen (5/5 + 0/2) / 2 = 0.5.
    expect(stat).toMatchObject({ latestStep: 10, non: 0.1, nonN: 7, gen: 0.5, genN: 7, benchmarks: ["geneval", "t2i"] });
    expect(stat!.nonSeries).toEqual([
      { step: 0, value: 1, n: 4 },
      { step: 10, value: 0.1, n: 7 },
    ]);
    expect(await getRunStat(owner(project), run.id)).toEqual(stat);
    const [row] = await db.current.sql.query<{ non: number }>(`SELECT non FROM run_stats WHERE run_id = $1`, [run.id]);
    expect(row?.non).toBe(0.1);
  });
});
