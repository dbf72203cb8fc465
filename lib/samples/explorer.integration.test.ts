import { describe, expect, it } from "vitest";

import type { TActor } from "@/lib/auth/actor";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { addTestMember, createTestProject, createTestPrompts, createTestRun, createTestSamples, createTestUser, type TTestJudgment } from "@/prisma/factories";

import { createAuditSession, getAuditSession, labelSample } from "./audit-service";
import { getSampleDetail } from "./detail-service";
import { VERDICT_CLASSES, type TExplorerQuery } from "./explorer-query";
import { countExplorerClasses, findExplorerPage } from "./explorer-repository";
import { getExplorerPage } from "./explorer-service";

setupTestDatabase();

// The explorer's SQL on both databases: every verdict class selects exactly the images it names,
// the counts agree with the pages, keyset paging neither repeats nor skips while rows are added,
// and labels and audits go through the services' authorization.

type V = 0 | 1 | null;
const judged = (self: V, external: V, extra: TTestJudgment[] = []): TTestJudgment[] => [
  { kind: "self", verdict: self },
  { kind: "external", verdict: external, reason: external === 0 ? "object missing" : null },
  ...extra,
];

async function world() {
  const project = await createTestProject();
  const actor: TActor = { kind: "user", userId: project.ownerId };
  const prompts = await createTestPrompts(project.id, [
    { text: "a red bench", subtask: "color_attr", benchmark: "geneval" },
    { text: "two cows", subtask: "counting", benchmark: "geneval" },
    { text: "a cube on a sphere", subtask: "spatial", benchmark: "t2i" },
  ]);
  const [bench, cows, cube] = prompts as [(typeof prompts)[0], (typeof prompts)[0], (typeof prompts)[0]];
  const run = await createTestRun(project.id, { name: "explorer run" });
  // step 0: bench FP (rejected later at step 10: a corrected FP), cows FN, cube agree
  // step 10: bench TN (self flipped 1 → 0), cows TP (flipped 0 → 1), cube FP (no flip: 1 → 1)
  const ids = await createTestSamples(run.id, [
    { step: 0, prompt: bench, judgments: judged(1, 0, [{ kind: "self", judgeStep: 10, verdict: 0 }]) },
    { step: 0, prompt: cows, judgments: judged(0, 1) },
    { step: 0, prompt: cube, judgments: judged(1, 1) },
    { step: 10, prompt: bench, judgments: judged(0, 0) },
    { step: 10, prompt: cows, judgments: judged(1, 1) },
    { step: 10, prompt: cube, judgments: judged(1, 0) },
  ]);
  return { project, actor, run, prompts: { bench, cows, cube }, ids };
}

describe("explorer repository and service", () => {
  it("selects each verdict class exactly and counts agree with the pages", async () => {
    const w = await world();
    const at = async (step: number | "all", cls?: TExplorerQuery["class"]) =>
      (await getExplorerPage(w.actor, w.project.id, { run: w.run.id, step, class: cls })).cards.map((c) => c.prompt).sort();
    expect(await at(0, "fp")).toEqual(["a red bench"]);
    expect(await at(0, "fn")).toEqual(["two cows"]);
    expect(await at(0, "contradiction")).toEqual(["a red bench", "two cows"]);
    expect(await at(0, "agree")).toEqual(["a cube on a sphere"]);
    expect(await at(0, "cfp")).toEqual(["a red bench"]);
    expect(await at(10, "cfp")).toEqual([]);
    expect(await at(10, "flipped")).toEqual(["a red bench", "two cows"]);
    expect(await at("all", "fp")).toEqual(["a cube on a sphere", "a red bench"]);
    const page = await getExplorerPage(w.actor, w.project.id, { run: w.run.id, step: 10 });
    expect(page.step).toBe(10);
    expect(page.classCounts).toEqual({ total: 3, contradiction: 1, fp: 1, fn: 0, agree: 2, cfp: 0, flipped: 2 });
    expect(page.steps).toEqual([
      { step: 0, count: 3 },
      { step: 10, count: 3 },
    ]);
    expect(page.facets.subtask).toEqual([
      { value: "color_attr", count: 1 },
      { value: "counting", count: 1 },
      { value: "spatial", count: 1 },
    ]);
    const everything = await getExplorerPage(w.actor, w.project.id, { run: w.run.id, step: "all" });
    for (const cls of VERDICT_CLASSES) expect(everything.classCounts[cls], cls).toBe((await at("all", cls)).length);
    const fp = page.cards.find((c) => c.prompt === "a cube on a sphere")!;
    expect(fp.self).toEqual({ verdict: 1, response: null });
    expect(fp.external).toEqual({ verdict: 0, judge: "geneval", reason: "object missing" });
  });

  it("defaults to the latest checkpoint, searches prompt text and explains bad filters", async () => {
    const w = await world();
    const page = await getExplorerPage(w.actor, w.project.id, { run: w.run.id, q: "COW" });
    expect(page.step).toBe(10);
    expect(page.cards.map((c) => c.prompt)).toEqual(["two cows"]);
    await expect(getExplorerPage(w.actor, w.project.id, { run: w.run.id, step: 5 })).rejects.toThrow(/no checkpoint 5 \(it has 0, 10\)/);
    await expect(getExplorerPage(w.actor, w.project.id, { run: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const stranger: TActor = { kind: "user", userId: (await createTestUser()).id };
    await expect(getExplorerPage(stranger, w.project.id, {})).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages by keyset without repeats or gaps while the run keeps ingesting", async () => {
    const w = await world();
    const prompts = await createTestPrompts(
      w.project.id,
      Array.from({ length: 7 }, (_, i) => ({ text: `extra ${i}`, subtask: "x", benchmark: "geneval" })),
    );
    const filter = { runId: w.run.id, step: null, promptIds: null };
    const first = await findExplorerPage(filter, null, 4);
    expect(first.map((r) => r.step)).toEqual([0, 0, 0, 10]);
    // More images arrive at both steps after the first page was read.
    await createTestSamples(
      w.run.id,
      prompts.map((prompt, i) => ({ step: i % 2 === 0 ? 0 : 10, prompt, judgments: judged(1, 1) })),
    );
    const seen = first.map((r) => r.id);
    let cursor = { step: first.at(-1)!.step, id: first.at(-1)!.id };
    for (;;) {
      const rows = await findExplorerPage(filter, cursor, 4);
      if (rows.length === 0) break;
      seen.push(...rows.map((r) => r.id));
      cursor = { step: rows.at(-1)!.step, id: rows.at(-1)!.id };
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Every image that existed is seen once; of the new ones, those at step 10 (after the cursor)
    // show up, those at step 0 (behind it) wait for the next visit's first page.
    expect(seen).toEqual(expect.arrayContaining(w.ids));
    expect(seen).toHaveLength(6 + 3);
    expect((await countExplorerClasses(filter)).total).toBe(13);
  });

  it("shows a sample with its timeline, flips and the same prompt in another run", async () => {
    const w = await world();
    const other = await createTestRun(w.project.id, { name: "other run" });
    await createTestSamples(other.id, [{ step: 10, prompt: w.prompts.bench, judgments: judged(1, 1) }]);
    const detail = await getSampleDetail(w.actor, w.project.id, w.ids[3]!);
    expect(detail.timeline.map((p) => [p.step, p.self, p.external, p.selfFlip])).toEqual([
      [0, 1, 0, false],
      [10, 0, 0, true],
    ]);
    expect(detail.otherRuns.map((o) => o.runName)).toEqual(["other run"]);
    expect(detail.image).toBeNull();
    await expect(getSampleDetail(w.actor, w.project.id, "999999999")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSampleDetail(w.actor, w.project.id, "abc")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("stores one label per reviewer, replaces it on relabel, and estimates the self-judge's precision", async () => {
    const w = await world();
    const viewer = await createTestUser();
    await addTestMember(w.project.id, viewer.id, "viewer");
    await expect(labelSample({ kind: "user", userId: viewer.id }, { sampleId: w.ids[0]!, verdict: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const { id } = await createAuditSession(w.actor, w.project.id, { runId: w.run.id, step: 10, size: 10, seed: 42 });
    const again = await createAuditSession(w.actor, w.project.id, { runId: w.run.id, step: 10, size: 10, seed: 42 });
    const session = await getAuditSession(w.actor, w.project.id, id);
    expect((await getAuditSession(w.actor, w.project.id, again.id)).items.map((i) => i.id)).toEqual(session.items.map((i) => i.id));
    expect(session.items).toHaveLength(3);
    expect(session.precision).toMatchObject({ value: null, n: 0 });

    // Self accepted cows and cube at step 10: a reviewer calls cows aligned, cube misaligned.
    const cows = session.items.find((i) => i.prompt === "two cows")!;
    const cube = session.items.find((i) => i.prompt === "a cube on a sphere")!;
    await labelSample(w.actor, { sampleId: cows.id, verdict: 0, note: "first look" });
    await labelSample(w.actor, { sampleId: cows.id, verdict: 1, note: "second look" });
    await labelSample(w.actor, { sampleId: cube.id, verdict: 0 });
    const after = await getAuditSession(w.actor, w.project.id, id);
    expect(after.labeled).toBe(2);
    expect(after.precision).toMatchObject({ value: 0.5, n: 2, lowN: true });
    const detail = await getSampleDetail(w.actor, w.project.id, cows.id);
    const humans = detail.judgments.filter((j) => j.kind === "human");
    expect(humans).toHaveLength(1);
    expect(humans[0]).toMatchObject({ judge: `human:${w.project.ownerId}`, judgeStep: -1, verdict: 1, reason: "second look" });
    expect(detail.myLabel).toEqual({ verdict: 1, note: "second look" });
    // The viewer sees the session but has no labels of their own in it.
    expect((await getAuditSession({ kind: "user", userId: viewer.id }, w.project.id, id)).labeled).toBe(0);
  });
});
