import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireProjectRole, requireRunAccess } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

import { decodeCursor, encodeCursor, RUNS_PAGE_SIZE, TABLE_LOW_N, type TRunListQuery } from "./list-query";
import { countRunPage, findRunFacets, findRunPage, type TRunRow } from "./list-repository";
import { countRunsForProject, findRunDetail, findRunsForProject } from "./repository";
import { parseNonSeries } from "./sparkline";
import { CONFIG_DISPLAY_LIMIT, type TRunDetailDTO, type TRunListItemDTO, type TRunPageDTO, type TRunRowDTO } from "./types";

export async function listRunsForProject(actor: TActor, projectId: string, options: { take?: number } = {}) {
  await requireProjectRole(actor, projectId, "viewer");
  const take = Math.min(options.take ?? 50, 200);
  const [rows, total] = await Promise.all([findRunsForProject(projectId, { take }), countRunsForProject(projectId)]);
  const runs: TRunListItemDTO[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    method: row.method,
    tags: row.tags,
    status: row.status,
    baselineRunId: row.baselineRunId,
    createdAt: row.createdAt.toISOString(),
  }));
  return { runs, total };
}

/**
 * One page of the runs table: filtered, sorted (latest Gen / Und / Non with nulls last, date or
 * name) and keyset-paged, so page 200 of 10,000 runs costs what page 1 costs.
 */
export async function listRunsPage(actor: TActor, projectId: string, query: TRunListQuery): Promise<TRunPageDTO> {
  await requireProjectRole(actor, projectId, "viewer");
  const cursor = decodeCursor(query.after);
  const [rows, total, facets] = await Promise.all([
    findRunPage(projectId, query, cursor, RUNS_PAGE_SIZE + 1),
    countRunPage(projectId, query),
    findRunFacets(projectId),
  ]);
  const page = rows.slice(0, RUNS_PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor = rows.length > RUNS_PAGE_SIZE && last ? encodeCursor({ value: last.sort_value, id: last.id }) : null;
  return { runs: page.map(toRunRow), total, nextCursor, facets };
}

function figure(value: number | null, n: number | null) {
  return { value, n: n ?? 0, lowN: value !== null && (n ?? 0) < TABLE_LOW_N };
}

function toRunRow(row: TRunRow): TRunRowDTO {
  return {
    id: row.id,
    name: row.name,
    method: row.method,
    tags: row.tags,
    status: row.status,
    baselineRunId: row.baseline_run_id,
    createdAt: row.created_iso,
    baselineName: row.baseline_name,
    latestStep: row.latest_step,
    gen: figure(row.gen, row.gen_n),
    und: figure(row.und, row.und_n),
    non: figure(row.non, row.non_n),
    nonSeries: parseNonSeries(row.non_series ?? []),
    benchmarks: row.benchmarks ?? [],
  };
}

/** A run of the project behind `projectId`, for its page; strangers and other projects get NOT_FOUND. */
export async function getRunForViewer(actor: TActor, projectId: string, runId: string): Promise<TRunDetailDTO> {
  const run = await findRunDetail(runId);
  if (!run || run.projectId !== projectId) throw notFound("Run", runId);
  await requireRunAccess(actor, run, "viewer");
  const config = JSON.stringify(run.config, null, 2);
  return {
    id: run.id,
    projectId: run.projectId,
    name: run.name,
    method: run.method,
    tags: run.tags,
    status: run.status,
    notes: run.notes,
    configJson: config.slice(0, CONFIG_DISPLAY_LIMIT),
    configTruncated: config.length > CONFIG_DISPLAY_LIMIT,
    baseline: run.baselineRun ? { id: run.baselineRun.id, name: run.baselineRun.name, step: run.baselineStep } : null,
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
    heartbeatAt: run.heartbeatAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
