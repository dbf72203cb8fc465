// Turns per-prompt counters (from SQL or from the TypeScript tally) into the run summary contract:
// per checkpoint, per subtask Gen / Und / Non with Wilson intervals, the unweighted Overall with
// bootstrap intervals, and the co-trend against the baseline. One function for both paths, so the
// SQL path and the reference can only differ in the counters.
import { LANES, type TBootstrapOptions } from "./bootstrap";
import { classifyCoTrend } from "./co-trend";
import { computeConfusion } from "./confusion";
import {
  addOwnCounts,
  addTriples,
  stratumKey,
  type TOwnCell,
  type TOwnCounts,
  type TTripleCell,
  type TTripleCounts,
  zeroOwnCounts,
  zeroTriples,
} from "./counts";
import { computeGeneration, generationRatio, usesScores } from "./generation";
import { EMPTY_MEASURE, estimateMeasure, LOW_N_DISAGREEMENTS, proportionMeasure } from "./measure";
import { computeNonunified } from "./nonunified";
import { unweightedMean } from "./overall";
import { bootstrapOverall, createBootstrapCache, LANE, type TBootstrapCache, type TBootstrapSubtask, type TOverallIntervals } from "./overall-bootstrap";
import type { TCheckpointSummary, TMeasure, TOverall, TSubtaskSummary } from "./summary-types";
import { computeTriples } from "./triples";
import { computeUnderstanding, understandingCounts } from "./understanding";
import { computeWeakGeneration, computeWeakGenerationHuman } from "./weak-generation";

export type TSummaryInput = {
  checkpoints: readonly { step: number; epoch: number | null }[];
  /** The run's own images, per checkpoint step. */
  own: readonly TOwnCell[];
  /** The baseline checkpoint's own images (their step is the baseline's). */
  baseline: readonly TOwnCell[];
  /** The baseline's images judged by each checkpoint (step = the judging checkpoint). */
  triples: readonly TTripleCell[];
  /** Null skips the intervals of Overall and of the differences (e.g. for cached run stats). */
  bootstrap: TBootstrapOptions | null;
};

type TStratumCells<T> = Map<string, T[]>;

function byStratum<T extends { benchmark: string; subtask: string }>(cells: readonly T[]): TStratumCells<T> {
  const map: TStratumCells<T> = new Map();
  for (const cell of cells) {
    const key = stratumKey(cell);
    const list = map.get(key);
    if (list) list.push(cell);
    else map.set(key, [cell]);
  }
  return map;
}

function byStepAndStratum<T extends { step: number; benchmark: string; subtask: string }>(cells: readonly T[]): Map<number, TStratumCells<T>> {
  const steps = new Map<number, T[]>();
  for (const cell of cells) {
    const list = steps.get(cell.step);
    if (list) list.push(cell);
    else steps.set(cell.step, [cell]);
  }
  return new Map([...steps].map(([step, list]) => [step, byStratum(list)]));
}

const sumOwn = (cells: readonly TOwnCell[] = []) => cells.reduce<TOwnCounts>((total, cell) => addOwnCounts(total, cell), zeroOwnCounts());
const sumTriples = (cells: readonly TTripleCell[] = []) => cells.reduce<TTripleCounts>((total, cell) => addTriples(total, cell.triples), zeroTriples());

/** Per-prompt rows over the union of the prompts seen at the checkpoint, at the baseline, or in the triples. */
function bootstrapSubtask(
  key: string,
  cells: { own: readonly TOwnCell[]; baseline: readonly TOwnCell[]; triples: readonly TTripleCell[] },
  totals: { own: TOwnCounts; baseline: TOwnCounts },
  has: TBootstrapSubtask["has"],
): TBootstrapSubtask {
  const promptIds = [
    ...new Set([...cells.own.map((c) => c.promptId), ...cells.baseline.map((c) => c.promptId), ...cells.triples.map((c) => c.promptId)]),
  ].sort();
  const row = new Map(promptIds.map((id, i) => [id, i * LANES]));
  const fill = (target: Float64Array, list: readonly TOwnCell[], scores: boolean) => {
    for (const cell of list) {
      const o = row.get(cell.promptId)!;
      const gen = generationRatio(cell, scores);
      target[o + LANE.genNum]! += gen.num;
      target[o + LANE.genDen]! += gen.den;
      target[o + LANE.self0]! += cell.self0;
      target[o + LANE.selfN]! += cell.selfN;
    }
  };
  const rows = new Float64Array(promptIds.length * LANES);
  const baselineRows = new Float64Array(promptIds.length * LANES);
  fill(rows, cells.own, usesScores(totals.own));
  fill(baselineRows, cells.baseline, usesScores(totals.baseline));
  for (const cell of cells.triples) {
    const o = row.get(cell.promptId)!;
    const u = understandingCounts(cell.triples);
    rows[o + LANE.judged]! += u.judged;
    rows[o + LANE.disagreements]! += u.disagreements;
    rows[o + LANE.wins]! += u.wins;
  }
  return { key, promptIds, rows, baselineRows, has };
}

function summarizeSubtask(key: string, own: TOwnCounts, triples: TTripleCounts): TSubtaskSummary {
  const [benchmark, subtask] = key.split("\u0000") as [string, string];
  return {
    subtask,
    benchmark,
    gen: computeGeneration(own),
    und: computeUnderstanding(triples),
    non: computeNonunified(own),
    unparseable: own.selfNull,
    weakGen: computeWeakGeneration(own),
    weakGenHuman: computeWeakGenerationHuman(own),
    confusion: computeConfusion(own),
    triples: computeTriples(triples),
  };
}

const sumN = (measures: readonly TMeasure[]) => measures.reduce((total, m) => total + m.n, 0);
const overallOf = (measures: readonly TMeasure[], interval: TOverallIntervals["gen"], lowNBelow?: number) =>
  estimateMeasure(unweightedMean(measures.map((m) => m.value)), sumN(measures), interval, lowNBelow);

/** A difference of two Overall values; n is the smaller of the two denominators. */
function difference(a: TMeasure, b: TMeasure, interval: TOverallIntervals["deltaGen"]): TMeasure {
  if (a.value === null || b.value === null) return EMPTY_MEASURE;
  return estimateMeasure(a.value - b.value, Math.min(a.n, b.n), interval);
}

type TBaselineStratum = { cells: TOwnCell[]; total: TOwnCounts; gen: TMeasure; non: TMeasure };

function summarizeCheckpoint(
  checkpoint: { step: number; epoch: number | null },
  own: TStratumCells<TOwnCell>,
  triples: TStratumCells<TTripleCell>,
  baseline: Map<string, TBaselineStratum>,
  bootstrap: { options: TBootstrapOptions; cache: TBootstrapCache } | null,
): TCheckpointSummary {
  const keys = [...new Set([...own.keys(), ...baseline.keys(), ...triples.keys()])].sort();
  const ownTotals = keys.map((key) => sumOwn(own.get(key)));
  const subtasks = keys.map((key, i) => summarizeSubtask(key, ownTotals[i]!, sumTriples(triples.get(key))));
  const base = keys.map((key) => baseline.get(key));
  const baselineGen = base.map((b) => b?.gen ?? EMPTY_MEASURE);
  const baselineNon = base.map((b) => b?.non ?? EMPTY_MEASURE);

  let intervals: TOverallIntervals = { gen: null, non: null, und: null, deltaGen: null, deltaNon: null };
  if (bootstrap) {
    const inputs = keys.map((key, i) =>
      bootstrapSubtask(
        key,
        { own: own.get(key) ?? [], baseline: base[i]?.cells ?? [], triples: triples.get(key) ?? [] },
        { own: ownTotals[i]!, baseline: base[i]?.total ?? zeroOwnCounts() },
        {
          gen: subtasks[i]!.gen.value !== null,
          non: subtasks[i]!.non.value !== null,
          und: subtasks[i]!.und.value !== null,
          baselineGen: baselineGen[i]!.value !== null,
          baselineNon: baselineNon[i]!.value !== null,
        },
      ),
    );
    intervals = bootstrapOverall(inputs, bootstrap.options, bootstrap.cache);
  }

  const pooled = ownTotals.reduce((total, counts) => addOwnCounts(total, counts), zeroOwnCounts());
  const overall: TOverall = {
    gen: overallOf(
      subtasks.map((s) => s.gen),
      intervals.gen,
    ),
    und: overallOf(
      subtasks.map((s) => s.und),
      intervals.und,
      LOW_N_DISAGREEMENTS,
    ),
    non: overallOf(
      subtasks.map((s) => s.non),
      intervals.non,
    ),
    nonPooled: proportionMeasure(pooled.self0, pooled.selfN),
  };
  const deltaGen = difference(overall.gen, overallOf(baselineGen, null), intervals.deltaGen);
  const deltaNon = difference(overall.non, overallOf(baselineNon, null), intervals.deltaNon);
  const trend = { ...classifyCoTrend({ deltaGen, und: overall.und, deltaNon }), deltaGen, deltaNon };
  return { step: checkpoint.step, epoch: checkpoint.epoch, subtasks, overall, trend };
}

/**
 * Summarises every checkpoint against one baseline checkpoint. A checkpoint's subtasks are those
 * with images at the checkpoint or at the baseline; a subtask without data for a figure shows null
 * there, never 0. The bootstrap's draws depend only on the seed, the subtask and its number of
 * prompts, so a checkpoint summarised alone gets exactly the figures it gets among all.
 */
export function summarizeCheckpoints(input: TSummaryInput): TCheckpointSummary[] {
  const own = byStepAndStratum(input.own);
  const triples = byStepAndStratum(input.triples);
  const baseline = new Map(
    [...byStratum(input.baseline)].map(([key, cells]) => {
      const total = sumOwn(cells);
      return [key, { cells, total, gen: computeGeneration(total), non: computeNonunified(total) }];
    }),
  );
  const bootstrap = input.bootstrap ? { options: input.bootstrap, cache: createBootstrapCache() } : null;
  return input.checkpoints.map((checkpoint) =>
    summarizeCheckpoint(checkpoint, own.get(checkpoint.step) ?? new Map(), triples.get(checkpoint.step) ?? new Map(), baseline, bootstrap),
  );
}
