import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createTestProject, createTestRun, createTestUser } from "@/prisma/factories";

import { repeat, type TImageSpec } from "./testing/records";
import { ensurePrompts, seedImages } from "./testing/seed-images";
import { getCurriculumStats, getPromptFlips } from "./training-service";

setupTestDatabase();

describe("curriculum statistics and flips through PostgreSQL", () => {
  it("pools prompts nothing passed, admits them at replay, and lists where verdicts flipped", async () => {
    // Construction (step 0), N = 4: a passes 2/4, b 0/4 → pool {b}. Replay (step 10): b passes 1/4 → admitted.
    // Majority verdicts: a — tie (none) at 0, 1 at 10, 0 at 20 → one flip; b stays 0 (1 of 4 is still a rejection).
    const candidates: TImageSpec[] = [
      ...repeat(2, { step: 0, promptId: "a", self: 1 }),
      ...repeat(2, { step: 0, promptId: "a", self: 0 }),
      ...repeat(4, { step: 0, promptId: "b", self: 0 }),
      { step: 10, promptId: "b", self: 1 },
      ...repeat(3, { step: 10, promptId: "b", self: 0 }),
      ...repeat(4, { step: 10, promptId: "a", self: 1 }),
      ...repeat(4, { step: 20, promptId: "a", self: 0 }),
    ];
    // The curriculum reads the rounds' training candidates, flips the evaluation images: the same
    // verdicts once as each. A round of evaluation images only (step 30) is no curriculum round, and
    // training candidates at step 30 are no evaluation verdict.
    const images: TImageSpec[] = [
      ...candidates.map((c) => ({ ...c, role: c.self === 1 ? ("sft_chosen" as const) : ("discarded" as const) })),
      ...candidates.map((c) => ({ ...c, role: "eval" as const })),
      ...repeat(2, { step: 30, promptId: "c", self: 0, role: "eval" }),
      ...repeat(3, { step: 30, promptId: "a", self: 1, role: "sft_chosen" }),
    ];
    const project = await createTestProject();
    const run = await createTestRun(project.id);
    const prompts = await ensurePrompts(project.id, images);
    await seedImages(run.id, images, prompts);
    const actor = { kind: "user" as const, userId: project.ownerId };

    const { rounds, passRates } = await getCurriculumStats(actor, run.id);
    expect(
      passRates
        .filter((r) => r.step === 10)
        .map((r) => [r.promptId, r.accepted, r.candidates])
        .sort(),
    ).toEqual(
      [
        [prompts.get("a")!.id, 4, 4],
        [prompts.get("b")!.id, 1, 4],
      ].sort(),
    );
    expect(rounds.map((r) => [r.step, r.prompts, r.discarded, r.admitted, r.poolAfter])).toEqual([
      [0, 2, 1, 0, 1],
      [10, 2, 0, 1, 0],
      [20, 1, 0, 0, 0],
      [30, 1, 0, 0, 0],
    ]);
    expect((await getPromptFlips(actor, run.id)).prompts).toEqual([{ promptId: prompts.get("a")!.id, flips: [{ fromStep: 10, toStep: 20, from: 1, to: 0 }] }]);
    const stranger = await createTestUser();
    await expect(getCurriculumStats({ kind: "user", userId: stranger.id }, run.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
