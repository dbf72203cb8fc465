import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getRunHeader } from "@/lib/runs/header-service";
import { ALL_RUNS_NEWEST_FIRST, MAX_RUNS_PAGE } from "@/lib/runs/list-query";
import { listRunsPage } from "@/lib/runs/service";

import { decodeExplorerCursor, encodeExplorerCursor, EXPLORER_PAGE_SIZE, SAMPLE_ROLES, type TExplorerQuery, type TVerdictClass } from "./explorer-query";
import {
  countExplorerClasses,
  countExplorerFacets,
  countRunSteps,
  findExplorerPage,
  findPromptIdsMatching,
  findRunSteps,
  type TExplorerFilter,
  type TExplorerRow,
} from "./explorer-repository";
import { sampleImageUrls } from "./image-urls";
import type { TExplorerCard, TExplorerPageDTO, TFacetValue, TVerdict } from "./types";

/** A text search takes at most this many matching prompts; the page says when it was cut. */
const SEARCH_PROMPTS = 5000;
const EMPTY_COUNTS: Record<TVerdictClass | "total", number> = { total: 0, contradiction: 0, fp: 0, fn: 0, agree: 0, cfp: 0, flipped: 0 };

const verdict = (v: number | null): TVerdict => (v === 0 || v === 1 ? v : null);

function toCard(row: TExplorerRow): TExplorerCard {
  return {
    id: row.id,
    step: row.step,
    candidate: row.candidate,
    role: row.role,
    subtask: row.subtask,
    benchmark: row.benchmark,
    prompt: row.prompt,
    image: sampleImageUrls(row.id, row.blob_sha256),
    self: row.self_response !== null || row.self_verdict !== null ? { verdict: verdict(row.self_verdict), response: row.self_response } : null,
    external: row.ext_judge ? { verdict: verdict(row.ext_verdict), judge: row.ext_judge, reason: row.ext_reason } : null,
    humans: (row.humans ?? []).map((h) => ({ judge: h.judge, verdict: verdict(h.verdict) })),
  };
}

const facetList = (counts: Map<string, number>, order?: readonly string[]): TFacetValue[] =>
  [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (order ? order.indexOf(a.value) - order.indexOf(b.value) : a.value.localeCompare(b.value)));

/**
 * One page of the explorer for a project member: the run (default: the newest), the checkpoint
 * (default: its latest; "all" for every one), the other filters, counts per verdict class and per
 * facet value, and the next page's cursor. A filter naming something that is not there is an
 * INVALID_INPUT that says what exists instead.
 */
export async function getExplorerPage(actor: TActor, projectId: string, query: TExplorerQuery): Promise<TExplorerPageDTO> {
  const { runs } = await listRunsPage(actor, projectId, ALL_RUNS_NEWEST_FIRST, { limit: MAX_RUNS_PAGE, facets: false });
  const runList = runs.map((r) => ({ id: r.id, name: r.name }));
  const empty: TExplorerPageDTO = {
    query,
    runs: runList,
    runId: null,
    steps: [],
    step: null,
    cards: [],
    nextCursor: null,
    classCounts: EMPTY_COUNTS,
    facets: { subtask: [], role: [], benchmark: [] },
    searchCapped: false,
  };
  const runId = query.run ?? runs[0]?.id;
  if (!runId) return empty;
  if (!runList.some((r) => r.id === runId)) {
    await getRunHeader(actor, runId, projectId).catch(() => {
      throw new AppError("INVALID_INPUT", `run: this project has no run ${runId}.`, { field: "run" });
    });
  }
  const known = await findRunSteps(runId);
  const step = query.step === "all" ? null : (query.step ?? known.at(-1) ?? null);
  if (step !== null && !known.includes(step)) {
    throw new AppError("INVALID_INPUT", `step: the run has no checkpoint ${step} (it has ${known.length ? known.slice(0, 20).join(", ") : "none yet"}).`, {
      field: "step",
    });
  }
  const matched = query.q ? await findPromptIdsMatching(projectId, query.q, SEARCH_PROMPTS + 1) : null;
  const filter: TExplorerFilter = {
    runId,
    step,
    benchmark: query.benchmark,
    subtask: query.subtask,
    role: query.role,
    cls: query.class,
    promptIds: matched ? matched.slice(0, SEARCH_PROMPTS) : null,
  };
  const [rows, classCounts, facets, steps] = await Promise.all([
    findExplorerPage(filter, decodeExplorerCursor(query.cursor), EXPLORER_PAGE_SIZE + 1),
    countExplorerClasses(filter),
    countExplorerFacets(filter),
    countRunSteps(runId),
  ]);
  const page = rows.slice(0, EXPLORER_PAGE_SIZE);
  const last = page.at(-1);
  return {
    ...empty,
    runId,
    steps,
    step,
    cards: page.map(toCard),
    nextCursor: rows.length > EXPLORER_PAGE_SIZE && last ? encodeExplorerCursor({ step: last.step, id: last.id }) : null,
    classCounts,
    facets: { subtask: facetList(facets.subtask), role: facetList(facets.role, SAMPLE_ROLES), benchmark: facetList(facets.benchmark) },
    searchCapped: (matched?.length ?? 0) > SEARCH_PROMPTS,
  };
}
