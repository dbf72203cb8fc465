import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createTestProject, createTestPrompts, createTestRun, createTestSamples, type TTestJudgment } from "@/prisma/factories";

import { countSupervisionInRun } from "./supervision-audit-repository";
import { getSupervisionAudit } from "./supervision-audit-service";
import { majorityVerdict } from "./majority";
import { countSupervision, type TAuditSample } from "./supervision-audit";

setupTestDatabase();

const ROLES = ["sft_chosen", "dpo_chosen", "dpo_rejected", "discarded", "eval"] as const;
const verdict = fc.constantFrom<0 | 1 | null>(0, 1, null);
const image = fc.record({
  prompt: fc.nat({ max: 3 }),
  step: fc.constantFrom(0, 10),
  role: fc.constantFrom(...ROLES),
  external: fc.option(verdict, { nil: undefined }),
  score: fc.option(
    fc.integer({ min: 0, max: 8 }).map((k) => k / 8),
    { nil: undefined },
  ),
  human: fc.array(verdict, { maxLength: 3 }),
  /** Judged by the other benchmark's judge, whose verdict the audit must not read. */
  strayJudge: fc.boolean(),
});

// Prompts 0–1 are GenEval's (judged by "geneval"), 2–3 T2I-CompBench's (judged by "vlm").
const JUDGES = { geneval: "geneval", t2i: "vlm" };
const benchmarkOf = (prompt: number) => (prompt < 2 ? "geneval" : "t2i");
const judgeOf = (img: { prompt: number; strayJudge: boolean }) => (img.strayJudge ? otherJudge(img.prompt) : JUDGES[benchmarkOf(img.prompt)]);
const otherJudge = (prompt: number) => (benchmarkOf(prompt) === "geneval" ? "vlm" : "geneval");

describe("supervision audit in SQL equals the TypeScript reference", () => {
  it("counts SFT precision and DPO pair preferences exactly, for an external judge and for annotators", async () => {
    const project = await createTestProject();
    const prompts = await createTestPrompts(
      project.id,
      [0, 1, 2, 3].map((i) => ({ benchmark: benchmarkOf(i) })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(image, { maxLength: 30 }), async (images) => {
        const run = await createTestRun(project.id);
        const candidates = new Map<string, number>();
        await createTestSamples(
          run.id,
          images.map((img) => {
            const key = `${img.step}|${img.prompt}`;
            const candidate = candidates.get(key) ?? 0;
            candidates.set(key, candidate + 1);
            const judgments: TTestJudgment[] = img.human.map((v, k) => ({ kind: "human", judge: `annotator-${k}`, verdict: v }));
            if (img.external !== undefined || img.score !== undefined)
              judgments.push({ kind: "external", judge: judgeOf(img), verdict: img.external ?? null, score: img.score ?? null });
            return { step: img.step, prompt: prompts[img.prompt]!, candidate, role: img.role, judgments };
          }),
        );
        const asSamples = (human: boolean): TAuditSample[] =>
          images.map((img) => ({
            promptId: prompts[img.prompt]!.id,
            step: img.step,
            role: img.role,
            verdict: human ? majorityVerdict(img.human) : img.strayJudge ? null : (img.external ?? null),
            score: human || img.strayJudge ? null : (img.score ?? null),
          }));
        expect(await countSupervisionInRun(run.id, null, { kind: "external", judges: JUDGES })).toEqual(countSupervision(asSamples(false)));
        expect(await countSupervisionInRun(run.id, null, { kind: "human" })).toEqual(countSupervision(asSamples(true)));
        expect(await countSupervisionInRun(run.id, 10, { kind: "external", judges: JUDGES })).toEqual(
          countSupervision(asSamples(false).filter((s) => s.step === 10)),
        );
      }),
      { seed: 4242, numRuns: 25 },
    );
  });

  it("answers through the service with the judge it used, and refuses an unknown judge", async () => {
    const project = await createTestProject();
    const run = await createTestRun(project.id);
    const [p] = await createTestPrompts(project.id, [{}]);
    await createTestSamples(run.id, [
      { step: 0, prompt: p!, candidate: 0, role: "sft_chosen", judgments: [{ kind: "external", verdict: 1 }] },
      { step: 0, prompt: p!, candidate: 1, role: "sft_chosen", judgments: [{ kind: "external", verdict: 0 }] },
      { step: 0, prompt: p!, candidate: 2, role: "dpo_chosen", judgments: [{ kind: "external", verdict: 1 }] },
      { step: 0, prompt: p!, candidate: 3, role: "dpo_rejected", judgments: [{ kind: "external", verdict: 0 }] },
    ]);
    const actor = { kind: "user" as const, userId: project.ownerId };
    const audit = await getSupervisionAudit(actor, run.id);
    expect(audit).toMatchObject({
      runId: run.id,
      judge: "geneval",
      judges: { geneval: "geneval" },
      sftPrecision: { value: 0.5, n: 2 },
      dpo: { pairs: 1, agree: 1 },
      sftAtRisk: true,
      dpoAtRisk: false,
    });
    await expect(getSupervisionAudit(actor, run.id, { judge: "nobody" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
