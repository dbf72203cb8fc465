import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireRunAccess } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

import type { TOwnCell } from "./counts";
import { computeCurriculum, curriculumRowsFromCells, type TCurriculumRound } from "./curriculum";
import { findPromptFlipsFromCells, type TFlip } from "./flips";
import { findRunForSummary, listCheckpoints } from "./run-context-repository";
import { aggregateOwnCells } from "./summary-repository";

// Curriculum statistics and verdict flips of a run, from the same per-prompt counters in SQL as the
// summary (summary-repository.ts): no judgment leaves the database.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadOwnCells(actor: TActor, runId: string, benchmark: string | null): Promise<TOwnCell[]> {
  const run = UUID.test(runId) ? await findRunForSummary(runId) : null;
  if (!run) throw notFound("Run", runId);
  await requireRunAccess(actor, run, "viewer");
  const steps = (await listCheckpoints(run.id)).map((c) => c.step);
  return aggregateOwnCells({ runId: run.id, steps, externalJudge: null, benchmark });
}

/** Pass rates |C|/N per round, the discard pool and admissions per replay round (domain.md, "Curriculum"). */
export async function getCurriculumStats(actor: TActor, runId: string, options: { benchmark?: string } = {}): Promise<TCurriculumRound[]> {
  return computeCurriculum(curriculumRowsFromCells(await loadOwnCells(actor, runId, options.benchmark ?? null)));
}

/** The prompts whose self verdict (majority of their candidates) changed between checkpoints, with where. */
export async function getPromptFlips(actor: TActor, runId: string, options: { benchmark?: string } = {}): Promise<{ promptId: string; flips: TFlip[] }[]> {
  const flips = findPromptFlipsFromCells(await loadOwnCells(actor, runId, options.benchmark ?? null));
  return [...flips].filter(([, list]) => list.length > 0).map(([promptId, list]) => ({ promptId, flips: list }));
}
