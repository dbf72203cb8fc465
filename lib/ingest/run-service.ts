import "server-only";

import type { TCreateRunRequest, TListRunsQuery, TRun, TUpdateRunRequest } from "@/lib/api/contracts/runs";
import type { TActor, TRole } from "@/lib/auth/actor";
import { requireRunAccess } from "@/lib/auth/permissions";
import { declareTrainedOn } from "@/lib/datasets/lineage-service";
import { AppError, notFound } from "@/lib/errors";
import { ALL_RUNS_NEWEST_FIRST, decodeCursor } from "@/lib/runs/list-query";
import { bumpRunActivity } from "@/lib/runs/live-repository";
import { listRunsPage } from "@/lib/runs/service";
import { displayRunName, isAnonymized } from "@/lib/sharing/anonymize";

import { resolveProject } from "./project-scope";
import {
  findRunById,
  findRunByExternalId,
  findRunIdsInProject,
  findRunProject,
  findRunRecords,
  insertRun,
  touchRunHeartbeat,
  updateRunFields,
  type TRunRecord,
} from "./run-repository";

/** The run page's address; absolute when the public URL is known (NEXTAUTH_URL), else a path. */
function runUrl(projectSlug: string, runId: string): string {
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/+$/, "");
  return `${base}/p/${encodeURIComponent(projectSlug)}/runs/${runId}`;
}

function toRunDto(row: TRunRecord): TRun {
  return {
    id: row.id,
    url: runUrl(row.project.slug, row.id),
    project: row.project.slug,
    name: row.name,
    method: row.method,
    tags: row.tags,
    config: row.config,
    notes: row.notes,
    status: row.status,
    baselineRunId: row.baselineRunId,
    baselineStep: row.baselineStep,
    externalId: row.externalId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    heartbeatAt: row.heartbeatAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** A run the caller may act on with at least `min`; another project's run is the same 404 as none. */
export async function requireRun(actor: TActor, runId: string, min: TRole): Promise<{ id: string; projectId: string }> {
  const run = await findRunProject(runId);
  if (!run) throw notFound("Run", runId);
  await requireRunAccess(actor, run, min);
  return run;
}

/** Creates a run; with an externalId that exists, returns that run unchanged (`created: false`). */
export async function createRun(actor: TActor, input: TCreateRunRequest): Promise<TRun & { created: boolean }> {
  const project = await resolveProject(actor, input.project, "editor");
  if (input.externalId) {
    const existing = await findRunByExternalId(project.id, input.externalId);
    if (existing) return { ...toRunDto(existing), created: false };
  }
  if (input.baselineRunId && !(await findRunIdsInProject(project.id, [input.baselineRunId])).has(input.baselineRunId)) {
    throw new AppError("INVALID_INPUT", `baselineRunId ${input.baselineRunId} is not a run of project ${project.slug}.`, [
      { path: "baselineRunId", message: "unknown run" },
    ]);
  }
  const id = await insertRun({
    projectId: project.id,
    name: input.name,
    method: input.method ?? "baseline",
    tags: [...new Set(input.tags ?? [])],
    config: input.config ?? {},
    notes: input.notes ?? "",
    baselineRunId: input.baselineRunId ?? null,
    baselineStep: input.baselineStep ?? null,
    externalId: input.externalId ?? null,
    createdById: actor.kind === "user" ? actor.userId : null,
  });
  // null: a concurrent request created the same externalId first; answer with its run.
  const row = id ? await findRunById(id) : await findRunByExternalId(project.id, input.externalId!);
  if (input.trainedOn?.length) await declareTrainedOn(project.id, row!.id, input.trainedOn);
  // An open runs table shows the new run at its next poll.
  if (id) await bumpRunActivity(id, false);
  return { ...toRunDto(row!), created: id !== null };
}

export async function getRun(actor: TActor, runId: string): Promise<TRun> {
  await requireRun(actor, runId, "viewer");
  return redactForShare(actor, toRunDto((await findRunById(runId))!));
}

/**
 * A share link sees its runs, not the project around them: no baseline outside its scope, and for an
 * anonymized link no names, tags, notes, config or project (double-blind review).
 */
function redactForShare(actor: TActor, run: TRun): TRun {
  if (actor.kind !== "share") return run;
  const baselineInScope = run.baselineRunId !== null && actor.runIds.includes(run.baselineRunId);
  const scoped = {
    ...run,
    url: `/shared/${actor.linkId}`,
    baselineRunId: baselineInScope ? run.baselineRunId : null,
    baselineStep: baselineInScope ? run.baselineStep : null,
  };
  if (!isAnonymized(actor)) return scoped;
  return { ...scoped, name: displayRunName(actor, run), project: "anonymized", tags: [], notes: "", config: {}, externalId: null };
}

/**
 * The API's run list: a page of the one run listing (lib/runs/service.ts, newest first, keyset-paged),
 * returned as full run records. A cursor this API did not give out is a 422, not the first page.
 */
export async function listRuns(actor: TActor, query: TListRunsQuery): Promise<{ runs: TRun[]; nextCursor: string | null }> {
  const project = await resolveProject(actor, query.project, "viewer");
  if (query.cursor && !decodeCursor(query.cursor)) {
    throw new AppError("INVALID_INPUT", "The cursor is not one this API gave out.", [{ path: "cursor", message: "invalid cursor" }]);
  }
  const listQuery = { ...ALL_RUNS_NEWEST_FIRST, name: query.name, method: query.method, tag: query.tag, status: query.status, after: query.cursor };
  const page = await listRunsPage(actor, project.id, listQuery, { limit: query.limit, facets: false });
  const records = new Map((await findRunRecords(page.runs.map((r) => r.id))).map((r) => [r.id, r]));
  // A run deleted between the two reads is left out of the page rather than answered half.
  const runs = page.runs.flatMap((r) => {
    const record = records.get(r.id);
    return record ? [toRunDto(record)] : [];
  });
  return { runs, nextCursor: page.nextCursor };
}

/** Status, notes and tags; finishing (or failing) stamps finishedAt, running again clears it. */
export async function updateRun(actor: TActor, runId: string, input: TUpdateRunRequest): Promise<TRun> {
  const run = await requireRun(actor, runId, "editor");
  if (input.trainedOn) await declareTrainedOn(run.projectId, runId, input.trainedOn);
  const finishedAt = input.status === undefined ? undefined : input.status === "running" ? null : new Date();
  const tags = input.tags ? [...new Set(input.tags)] : undefined;
  const updated = toRunDto(await updateRunFields(runId, { status: input.status, notes: input.notes, tags, finishedAt }));
  await bumpRunActivity(runId, false);
  return updated;
}

export async function recordHeartbeat(actor: TActor, runId: string): Promise<{ id: string; heartbeatAt: string }> {
  await requireRun(actor, runId, "editor");
  const at = new Date();
  await touchRunHeartbeat(runId, at);
  return { id: runId, heartbeatAt: at.toISOString() };
}
