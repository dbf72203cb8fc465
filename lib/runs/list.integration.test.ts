import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createTestProject, createTestRun, createTestRunStats, createTestUser } from "@/prisma/factories";

import { parseRunListQuery, type TRunListQuery } from "./list-query";
import { listRunsPage } from "./service";

setupTestDatabase();

async function allPages(actor: { kind: "user"; userId: string }, projectId: string, query: TRunListQuery) {
  const names: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 20; guard++) {
    const page = await listRunsPage(actor, projectId, { ...query, after });
    names.push(...page.runs.map((r) => r.name));
    if (!page.nextCursor) return names;
    after = page.nextCursor;
  }
  throw new Error("paging did not end");
}

describe("runs table", () => {
  it("pages through every run exactly once, sorted by latest Non with unmeasured runs last", async () => {
    const project = await createTestProject();
    const actor = { kind: "user" as const, userId: project.ownerId };
    const expected: { name: string; non: number | null }[] = [];
    for (let i = 0; i < 120; i++) {
      const run = await createTestRun(project.id, { name: `run-${String(i).padStart(3, "0")}` });
      // Ties on purpose (i % 7) so the id breaks them; every fifth run has no figure yet.
      const non = i % 5 === 0 ? null : (i % 7) / 10;
      if (non !== null) await createTestRunStats(run.id, { non, nonN: 100 + i });
      expected.push({ name: run.name, non });
    }
    const ascending = await allPages(actor, project.id, parseRunListQuery({ sort: "non", dir: "asc" }));
    expect(ascending).toHaveLength(120);
    expect(new Set(ascending).size).toBe(120);
    const nonOf = new Map(expected.map((e) => [e.name, e.non]));
    const values: (number | null)[] = ascending.map((n) => nonOf.get(n) ?? null);
    const firstNull = values.indexOf(null);
    expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
    expect(values.slice(0, firstNull)).toEqual([...values.slice(0, firstNull)].sort((a, b) => a! - b!));
    const descending = await allPages(actor, project.id, parseRunListQuery({ sort: "non" }));
    expect(
      descending
        .map((n) => nonOf.get(n)!)
        .slice(-24)
        .every((v) => v === null),
    ).toBe(true);
    const byDate = await allPages(actor, project.id, parseRunListQuery({}));
    expect(byDate).toHaveLength(120);
    expect(new Set(byDate).size).toBe(120);
  });

  it("filters by search, method, tag, status and benchmark and reports the matching total", async () => {
    const project = await createTestProject();
    const actor = { kind: "user" as const, userId: project.ownerId };
    const a = await createTestRun(project.id, { name: "janus 100%_sft", method: "sft", tags: ["paper"], status: "running" });
    await createTestRun(project.id, { name: "janus 100x dpo", method: "dpo", tags: ["paper", "ablation"] });
    await createTestRunStats(a.id, { gen: 0.5, genN: 10, benchmarks: ["geneval"], nonSeries: [0.4, 0.3] });
    const page = await listRunsPage(actor, project.id, parseRunListQuery({ q: "100%_" }));
    expect(page.runs.map((r) => r.name)).toEqual(["janus 100%_sft"]);
    expect(page.runs[0]).toMatchObject({ gen: { value: 0.5, n: 10, lowN: true }, und: { value: null, n: 0, lowN: false }, benchmarks: ["geneval"] });
    expect(page.runs[0]!.nonSeries.map((p) => p.value)).toEqual([0.4, 0.3]);
    for (const [filter, count] of [
      [{ method: "dpo" }, 1],
      [{ tag: "paper" }, 2],
      [{ status: "running" }, 1],
      [{ benchmark: "geneval" }, 1],
      [{ tag: "nope" }, 0],
    ] as const) {
      const result = await listRunsPage(actor, project.id, parseRunListQuery(filter));
      expect(result.total).toBe(count);
      expect(result.runs).toHaveLength(count);
    }
    expect(page.facets).toEqual({ methods: ["dpo", "sft"], tags: ["ablation", "paper"], benchmarks: ["geneval"] });
  });

  it("is NOT_FOUND for someone outside the project", async () => {
    const project = await createTestProject();
    const stranger = await createTestUser();
    await expect(listRunsPage({ kind: "user", userId: stranger.id }, project.id, parseRunListQuery({}))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
