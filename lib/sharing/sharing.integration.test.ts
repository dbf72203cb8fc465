import { describe, expect, it } from "vitest";

import type { TActor } from "@/lib/auth/actor";
import { requireProjectRole, requireRunAccess, requireSampleAccess } from "@/lib/auth/permissions";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { getRunHeader } from "@/lib/runs/header-service";
import { ALL_RUNS_NEWEST_FIRST } from "@/lib/runs/list-query";
import { listRunsPage } from "@/lib/runs/service";
import { addTestMember, createTestProject, createTestPrompts, createTestRun, createTestSamples, createTestUser } from "@/prisma/factories";

import { authenticateShareToken, createShareLink, getShareLinks, revokeShareLink } from "./service";
import { getSharedView } from "./view-service";

setupTestDatabase();

const as = (userId: string): TActor => ({ kind: "user", userId });
const common = { anonymized: false, label: null, expiresAt: null };

async function lab() {
  const owner = await createTestUser({ name: "Alice Owner" });
  const project = await createTestProject({ ownerId: owner.id, name: "Secret lab" });
  const baseline = await createTestRun(project.id, { name: "alice · baseline", tags: ["alice"] });
  const tuned = await createTestRun(project.id, { name: "alice · sft", baselineRunId: baseline.id });
  const other = await createTestRun(project.id, { name: "alice · unrelated" });
  const [prompt] = await createTestPrompts(project.id, [{ text: "a red cube left of a blue ball" }]);
  const sampleIds = await createTestSamples(tuned.id, [
    {
      step: 10,
      prompt: prompt!,
      candidate: 0,
      judgments: [
        { kind: "self", verdict: 1 },
        { kind: "external", verdict: 0 },
      ],
    },
    { step: 10, prompt: prompt!, candidate: 1 },
  ]);
  return { owner, project, baseline, tuned, other, sampleIds: sampleIds.map(String) };
}

describe("share links", () => {
  it("of one run open that run, read-only, and nothing else of the project", async () => {
    const { owner, project, baseline, tuned, other } = await lab();
    const link = await createShareLink(as(owner.id), project.id, { ...common, scope: "run", runId: tuned.id });
    expect(link.token).toMatch(/^ugs_[A-Za-z0-9_-]{43}$/);
    const actor = await authenticateShareToken(link.token, { isOpening: true });

    expect((await getRunHeader(actor, tuned.id)).baseline).toBeNull(); // the baseline run is not in scope
    await expect(getRunHeader(actor, other.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRunHeader(actor, baseline.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listRunsPage(actor, project.id, ALL_RUNS_NEWEST_FIRST)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requireRunAccess(actor, tuned, "editor")).rejects.toMatchObject({ code: "FORBIDDEN" });

    const [listed] = await getShareLinks(as(owner.id), project.id);
    expect(listed).toMatchObject({ scope: "run", target: "alice · sft", useCount: 1, status: "active", createdBy: "Alice Owner" });
  });

  it("of a comparison keep the exact view and label runs A, B when anonymized", async () => {
    const { owner, project, baseline, tuned } = await lab();
    const query = "runs=a,b&metric=non&smooth=0.6&x=step&range=100-400";
    const link = await createShareLink(as(owner.id), project.id, {
      ...common,
      anonymized: true,
      label: "for reviewer 2",
      scope: "comparison",
      runIds: [baseline.id, tuned.id],
      viewQuery: query,
    });
    const view = await getSharedView(await authenticateShareToken(link.token));
    expect(view.viewQuery).toBe(query);
    expect(view.projectName).toBe("Anonymized project");
    expect(view.label).toBeNull();
    expect(view.runs.map((r) => [r.name, r.tags, r.createdBy, r.baseline?.name ?? null])).toEqual([
      ["Run A", [], null, null],
      ["Run B", [], null, "Run A"],
    ]);
    expect(JSON.stringify(view)).not.toMatch(/alice|Alice|Secret lab/);
    // The one run header hides what often carries names from an anonymized link: notes and config.
    expect(view.runs.map((r) => [r.notes, r.configJson])).toEqual([
      ["", null],
      ["", null],
    ]);
  });

  it("of a run read the same header as the project's run page, which refuses another project's run", async () => {
    const { owner, project, tuned } = await lab();
    const elsewhere = await lab();
    const link = await createShareLink(as(owner.id), project.id, { ...common, scope: "run", runId: tuned.id });
    const shared = await getRunHeader(await authenticateShareToken(link.token), tuned.id);
    const own = await getRunHeader(as(owner.id), tuned.id, project.id);
    expect(shared).toEqual({ ...own, baseline: null, baselineHidden: true }); // the baseline is outside the link's scope
    expect(own).toMatchObject({ baseline: { name: "alice · baseline" }, baselineHidden: false });
    expect(own.configJson).toBe(JSON.stringify({}, null, 2));
    await expect(getRunHeader(as(owner.id), tuned.id, elsewhere.project.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("of samples show those samples and open neither their run nor other samples", async () => {
    const { owner, project, tuned, sampleIds } = await lab();
    const link = await createShareLink(as(owner.id), project.id, { ...common, scope: "samples", sampleIds: [sampleIds[0]!] });
    const actor = await authenticateShareToken(link.token);
    const view = await getSharedView(actor);
    expect(view.runs).toEqual([]);
    expect(view.samples.map((s) => [s.id, s.prompt, s.judgments.map((j) => j.verdict)])).toEqual([[sampleIds[0], "a red cube left of a blue ball", [1, 0]]]);
    await expect(getRunHeader(actor, tuned.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requireSampleAccess(actor, { id: sampleIds[1]!, runId: tuned.id, projectId: project.id }, "viewer")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await requireSampleAccess(actor, { id: sampleIds[0]!, runId: tuned.id, projectId: project.id }, "viewer")).toBe("viewer");
  });

  it("refuse a scope outside the project, and people who may not share", async () => {
    const { owner, project, tuned, sampleIds } = await lab();
    const elsewhere = await lab();
    const viewer = await createTestUser();
    await addTestMember(project.id, viewer.id, "viewer");
    await expect(createShareLink(as(owner.id), project.id, { ...common, scope: "run", runId: elsewhere.tuned.id })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      createShareLink(as(owner.id), project.id, { ...common, scope: "samples", sampleIds: [sampleIds[0]!, elsewhere.sampleIds[0]!] }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createShareLink(as(viewer.id), project.id, { ...common, scope: "run", runId: tuned.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createShareLink(as(elsewhere.owner.id), project.id, { ...common, scope: "run", runId: tuned.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      createShareLink({ kind: "apiKey", keyId: "k", projectId: project.id, scope: "admin" }, project.id, { ...common, scope: "run", runId: tuned.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("stop at once when revoked; editors revoke only their own", async () => {
    const { owner, project, tuned } = await lab();
    const editor = await createTestUser();
    await addTestMember(project.id, editor.id, "editor");
    const mine = await createShareLink(as(editor.id), project.id, { ...common, scope: "run", runId: tuned.id });
    const owners = await createShareLink(as(owner.id), project.id, { ...common, scope: "run", runId: tuned.id });
    await expect(revokeShareLink(as(editor.id), project.id, owners.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await revokeShareLink(as(editor.id), project.id, mine.id);
    await expect(authenticateShareToken(mine.token)).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "The share link was revoked." });
    await revokeShareLink(as(owner.id), project.id, owners.id);
    await expect(authenticateShareToken(owners.token)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("expire, and refuse an expiry in the past", async () => {
    const { owner, project, tuned } = await lab();
    await expect(
      createShareLink(as(owner.id), project.id, { ...common, scope: "run", runId: tuned.id, expiresAt: new Date(Date.now() - 1000) }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const link = await createShareLink(as(owner.id), project.id, { ...common, scope: "run", runId: tuned.id, expiresAt: new Date(Date.now() + 2000) });
    // 2 s, not a few ms: on a loaded machine the membership check alone can outlast a tiny expiry.
    await expect
      .poll(
        () =>
          authenticateShareToken(link.token).then(
            () => "valid",
            (error: { message: string }) => error.message,
          ),
        { timeout: 10_000 },
      )
      .toBe("The share link has expired.");
  });

  it("never give a share actor project-wide access", async () => {
    const { owner, project, tuned } = await lab();
    const link = await createShareLink(as(owner.id), project.id, { ...common, scope: "run", runId: tuned.id });
    const actor = await authenticateShareToken(link.token);
    await expect(requireProjectRole(actor, project.id, "viewer")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
