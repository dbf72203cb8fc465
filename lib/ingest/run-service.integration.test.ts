import { describe, expect, it } from "vitest";

import { ZCreateRunRequest, ZListRunsQuery } from "@/lib/api/contracts/runs";
import type { TActor } from "@/lib/auth/actor";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { ALL_RUNS_NEWEST_FIRST } from "@/lib/runs/list-query";
import { listRunsPage } from "@/lib/runs/service";
import { addTestMember, createTestApiKey, createTestProject, createTestUser } from "@/prisma/factories";

import { createRun, getRun, listRuns, recordHeartbeat, updateRun } from "./run-service";

setupTestDatabase();

async function keyActor() {
  const project = await createTestProject();
  const key = await createTestApiKey(project.id);
  return { project, actor: { kind: "apiKey", keyId: key.id, projectId: project.id, scope: "admin" } as TActor };
}

const create = (actor: TActor, input: unknown) => createRun(actor, ZCreateRunRequest.parse(input));

describe("runs through the ingest API", () => {
  it("creates a run once per externalId and gives its page URL", async () => {
    const { project, actor } = await keyActor();
    const first = await create(actor, { name: "janus sft", method: "sft", tags: ["a", "a", "b"], config: { lr: 1e-5 }, externalId: "wandb-123" });
    expect(first).toMatchObject({
      created: true,
      name: "janus sft",
      method: "sft",
      tags: ["a", "b"],
      config: { lr: 1e-5 },
      status: "running",
      project: project.slug,
    });
    expect(first.url).toMatch(new RegExp(`/p/${project.slug}/runs/${first.id}$`));
    const again = await create(actor, { name: "renamed", externalId: "wandb-123" });
    expect(again).toMatchObject({ id: first.id, created: false, name: "janus sft" });
    expect((await create(actor, { name: "janus sft" })).id).not.toBe(first.id);
  });

  it("lists with filters and stable cursor paging", async () => {
    const { actor } = await keyActor();
    for (let i = 0; i < 5; i++) await create(actor, { name: `run-${i}`, method: i % 2 ? "dpo" : "sft", tags: i < 2 ? ["keep"] : [] });
    const page1 = await listRuns(actor, ZListRunsQuery.parse({ limit: "2" }));
    const page2 = await listRuns(actor, ZListRunsQuery.parse({ limit: "2", cursor: page1.nextCursor }));
    const page3 = await listRuns(actor, ZListRunsQuery.parse({ limit: "2", cursor: page2.nextCursor }));
    expect([...page1.runs, ...page2.runs, ...page3.runs].map((r) => r.name)).toEqual(["run-4", "run-3", "run-2", "run-1", "run-0"]);
    expect(page3.nextCursor).toBeNull();
    expect((await listRuns(actor, ZListRunsQuery.parse({ method: "dpo" }))).runs.map((r) => r.name)).toEqual(["run-3", "run-1"]);
    expect((await listRuns(actor, ZListRunsQuery.parse({ tag: "keep" }))).runs.map((r) => r.name)).toEqual(["run-1", "run-0"]);
    expect((await listRuns(actor, ZListRunsQuery.parse({ name: "run-2" }))).runs).toHaveLength(1);
    await expect(listRuns(actor, ZListRunsQuery.parse({ cursor: "not-a-cursor" }))).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("lists through the same listing as the runs table: same runs, same order", async () => {
    const { actor, project } = await keyActor();
    for (let i = 0; i < 4; i++) await create(actor, { name: `run-${i}`, method: i % 2 ? "dpo" : "sft" });
    const api = await listRuns(actor, ZListRunsQuery.parse({ method: "dpo" }));
    const table = await listRunsPage(actor, project.id, { ...ALL_RUNS_NEWEST_FIRST, method: "dpo" });
    expect(api.runs.map((r) => r.id)).toEqual(table.runs.map((r) => r.id));
    expect(table.total).toBe(2);
  });

  it("updates status, notes and tags, stamps finishing, and records heartbeats", async () => {
    const { actor } = await keyActor();
    const run = await create(actor, { name: "r" });
    const finished = await updateRun(actor, run.id, { status: "finished", notes: "diverged at 3k", tags: ["x"] });
    expect(finished).toMatchObject({ status: "finished", notes: "diverged at 3k", tags: ["x"], finishedAt: expect.any(String) });
    expect((await recordHeartbeat(actor, run.id)).heartbeatAt).toEqual(expect.any(String));
    expect((await getRun(actor, run.id)).heartbeatAt).toEqual(expect.any(String));
  });

  it("keeps keys to their project: another project's run is not found, naming another project is forbidden", async () => {
    const mine = await keyActor();
    const theirs = await keyActor();
    const run = await create(theirs.actor, { name: "private" });
    await expect(getRun(mine.actor, run.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateRun(mine.actor, run.id, { notes: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(create(mine.actor, { name: "x", project: theirs.project.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets project members read and only members read", async () => {
    const { project, actor } = await keyActor();
    await create(actor, { name: "visible" });
    const viewer = await createTestUser();
    await addTestMember(project.id, viewer.id, "viewer");
    const asViewer: TActor = { kind: "user", userId: viewer.id };
    expect((await listRuns(asViewer, ZListRunsQuery.parse({ project: project.slug }))).runs).toHaveLength(1);
    await expect(create(asViewer, { name: "x", project: project.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger: TActor = { kind: "user", userId: (await createTestUser()).id };
    await expect(listRuns(stranger, ZListRunsQuery.parse({ project: project.slug }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
