import "server-only";

import type { TBenchmarkQuery, TCurriculumResponse, TFlipsResponse } from "@/lib/api/contracts/analysis";
import type { TActor } from "@/lib/auth/actor";

import type { TOwnCell } from "./counts";
import { computeCurriculum, curriculumRowsFromCells } from "./curriculum";
import { findPromptFlipsFromCells } from "./flips";
import { listCheckpoints, type TSummaryRun } from "./run-context-repository";
import { EVAL_ROLES, TRAINING_ROLES, type TSampleRole } from "./sample-roles";
import { aggregateOwnCells } from "./summary-repository";
import { loadVisibleRun } from "./visible-run-service";

// Curriculum statistics and verdict flips of a run, from the same per-prompt counters in SQL as the
// summary (summary-repository.ts): no judgment leaves the database.

async function loadOwnCells(
  actor: TActor,
  runId: string,
  benchmark: string | null,
  roles: readonly TSampleRole[],
): Promise<{ run: TSummaryRun; cells: TOwnCell[] }> {
  const run = await loadVisibleRun(actor, runId);
  const steps = (await listCheckpoints(run.id)).map((c) => c.step);
  return { run, cells: await aggregateOwnCells({ runId: run.id, steps, externalJudges: {}, benchmark, roles }) };
}

/**
 * Pass rates |C|/N per round, the discard pool and admissions per replay round (docs/metrics.md#curriculum),
 * over each round's training candidates (evaluation images are not drawn for data).
 */
export async function getCurriculumStats(actor: TActor, runId: string, query: TBenchmarkQuery = {}): Promise<TCurriculumResponse> {
  const { run, cells } = await loadOwnCells(actor, runId, query.benchmark ?? null, TRAINING_ROLES);
  const passRates = curriculumRowsFromCells(cells).sort((x, y) => x.step - y.step || (x.promptId < y.promptId ? -1 : x.promptId > y.promptId ? 1 : 0));
  return { runId: run.id, rounds: computeCurriculum(passRates), passRates };
}

/** The prompts whose self verdict (majority of their evaluation images) changed between checkpoints, with where. */
export async function getPromptFlips(actor: TActor, runId: string, query: TBenchmarkQuery = {}): Promise<TFlipsResponse> {
  const { run, cells } = await loadOwnCells(actor, runId, query.benchmark ?? null, EVAL_ROLES);
  const flips = findPromptFlipsFromCells(cells);
  return { runId: run.id, prompts: [...flips].filter(([, list]) => list.length > 0).map(([promptId, list]) => ({ promptId, flips: list })) };
}
