import { beforeAll, describe, expect, it } from "vitest";

import type { TActor } from "@/lib/auth/actor";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createTestUser } from "@/prisma/factories";
import { seedDemoProject, type TDemoProject } from "@/prisma/seed/scenarios/demo";

import { getSupervisionAudit } from "./supervision-audit-service";
import { getRunSummary } from "./service";
import type { TCheckpointSummary } from "./summary-types";
import { getCurriculumStats } from "./training-service";

// The paper's story, told by the metrics engine on the demo scenario (every third prompt: the same
// simulator and writer at a third of the rows; deterministic, so the story's direction is a fixed
// fact of the seed). Assertions are on classes, flags and intervals, never on exact figures.
const db = setupTestDatabase();
const STRIDE = 3;

let demo: TDemoProject;
let owner: TActor;

beforeAll(async () => {
  const user = await createTestUser();
  owner = { kind: "user", userId: user.id };
  demo = await seedDemoProject(db.current, { ownerId: user.id, slug: "demo-story", stride: STRIDE });
}, 300_000);

/** A run's last checkpoint against its recorded baseline (the pre-trained model). */
async function finalCheckpoint(key: string): Promise<TCheckpointSummary> {
  const summary = await getRunSummary(owner, demo.runIds[key]!);
  expect(summary.baseline.runId).toBe(demo.runIds.baseline);
  return summary.checkpoints.at(-1)!;
}

describe("the demo's story through the metrics engine", () => {
  it("SFT on self-judged data improves generation and unification; DPO improves generation less", async () => {
    const sft = await finalCheckpoint("sft");
    expect(sft.trend.deltaGen.lo!).toBeGreaterThan(0);
    expect(sft.trend.deltaNon.hi!).toBeLessThan(0);
    expect(sft.overall.und.value!).toBeGreaterThan(0.5);
    // At a third of the prompts Und rests on a few dozen disagreements: above 50, not always beyond its interval.
    expect(["co-improvement", "generation-only"]).toContain(sft.trend.class);
    expect(sft.trend.alarm).toBe(false);

    const dpo = await finalCheckpoint("dpo");
    expect(dpo.trend.deltaGen.lo!).toBeGreaterThan(0);
    expect(dpo.trend.deltaGen.value!).toBeLessThan(sft.trend.deltaGen.value!);
    expect(dpo.trend.alarm).toBe(false);
  });

  it("curriculum SFT co-improves, and its replay rounds admit prompts from the discard pool", async () => {
    const curriculum = await finalCheckpoint("curriculum");
    expect(curriculum.trend.class).toBe("co-improvement");
    expect(curriculum.overall.und.lo!).toBeGreaterThan(0.5);

    const { rounds } = await getCurriculumStats(owner, demo.runIds.curriculum!);
    expect(rounds.length).toBeGreaterThan(1);
    expect(rounds[0]).toMatchObject({ poolBefore: 0, admitted: 0 });
    expect(rounds[0]!.discarded).toBeGreaterThan(0);
    const [replay] = rounds.slice(1);
    expect(replay!.prompts).toBe(rounds[0]!.poolAfter);
    expect(replay!.admitted).toBeGreaterThan(0);
    expect(rounds.at(-1)!.poolAfter).toBeLessThan(rounds[0]!.poolAfter);
  });

  it("SFT on corrupted labels co-degrades while Non improves: the data-quality alarm", async () => {
    const poor = await finalCheckpoint("poor-supervision");
    expect(poor.trend.class).toBe("co-degradation");
    expect(poor.trend.alarm).toBe(true);
    expect(poor.trend.deltaGen.hi!).toBeLessThan(0);
    expect(poor.overall.und.hi!).toBeLessThan(0.5);
    expect(poor.trend.deltaNon.hi!).toBeLessThan(0);
  });

  it("the supervision audit tells the corrupted labels from the self-judged ones", async () => {
    const [sft, poor, dpo] = await Promise.all(["sft", "poor-supervision", "dpo"].map((key) => getSupervisionAudit(owner, demo.runIds[key]!)));
    expect(poor!.sftAtRisk).toBe(true);
    expect(poor!.sftPrecision.hi!).toBeLessThan(poor!.threshold);
    expect(poor!.sftPrecision.hi!).toBeLessThan(sft!.sftPrecision.lo!);
    expect(sft!.sftPrecision.n).toBeGreaterThan(100);
    // The DPO pairs' order agrees with the independent judge.
    expect(dpo!.dpo.agreement.lo!).toBeGreaterThan(dpo!.threshold);
    expect(dpo!.dpoAtRisk).toBe(false);
  });
});
