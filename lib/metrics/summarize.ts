// Turns per-prompt counters (from SQL or from the TypeScript tally) into the run summary contract:
// per checkpoint, per subtask Gen / Und / Non with Wilson intervals, the unweighted Overall with
// bootstrap intervals, and the co-trend against the baseline. One function for both paths, so the
// SQL path and the reference can only differ in the counters.
import type { TBootstrapOptions } from "./bootstrap";
import { mixSeed } from "./bootstrap";
import { classifyCoTrend } from "./co-trend";
import { computeConfusion } from "./confusion";
import { addOwnCounts, addTriples, stratumKey, type TOwnCell, type TOwnCounts, type TTripleCell, type TTripleCounts, zeroOwnCounts, zeroTriples } from "./counts";
import { computeGeneration, usesScores } from "./generation";
import { EMPTY_MEASURE, estimateMeasure, LOW_N_DISAGREEMENTS, proportionMeasure } from "./measure";
import { computeNonunified } from "./nonunified";
import { bootstrapOverall, type TBootstrapSubtask, type TOverallIntervals } from "./overall-bootstrap";
import { unweightedMean } from "./overall";
import type { TCheckpointSummary, TMeasure, TOverall, TSubtaskSummary } from "./summary-types";
import { computeTriples } from "./triples";
import { computeUnderstanding } from "./understanding";
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

type TStratum = {
  benchmark: string;
  subtask: string;
  prompts: Map<string, { own?: TOwnCounts; baseline?: TOwnCounts; triples?: TTripleCounts }>;
  own: TOwnCounts;
  baseline: TOwnCounts;
  triples: TTripleCounts;
};

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function stratumFor(strata: Map<string, TStratum>, cell: { benchmark: string; subtask: string }): TStratum {
  const key = stratumKey(cell);
  let stratum = strata.get(key);
  if (!stratum) {
    stratum = { benchmark: cell.benchmark, subtask: cell.subtask, prompts: new Map(), own: zeroOwnCounts(), baseline: zeroOwnCounts(), triples: zeroTriples() };
    strata.set(key, stratum);
  }
  return stratum;
}

function promptFor(stratum: TStratum, promptId: string) {
  let prompt = stratum.prompts.get(promptId);
  if (!prompt) stratum.prompts.set(promptId, (prompt = {}));
  return prompt;
}

function collectStrata(own: readonly TOwnCell[], baseline: readonly TOwnCell[], triples: readonly TTripleCell[]): TStratum[] {
  const strata = new Map<string, TStratum>();
  for (const cell of own) {
    const stratum = stratumFor(strata, cell);
    const prompt = promptFor(stratum, cell.promptId);
    prompt.own = addOwnCounts(prompt.own ?? zeroOwnCounts(), cell);
    addOwnCounts(stratum.own, cell);
  }
  for (const cell of baseline) {
    const stratum = stratumFor(strata, cell);
    const prompt = promptFor(stratum, cell.promptId);
    prompt.baseline = addOwnCounts(prompt.baseline ?? zeroOwnCounts(), cell);
    addOwnCounts(stratum.baseline, cell);
  }
  for (const cell of triples) {
    const stratum = stratumFor(strata, cell);
    const prompt = promptFor(stratum, cell.promptId);
    prompt.triples = addTriples(prompt.triples ?? zeroTriples(), cell.triples);
    addTriples(stratum.triples, cell.triples);
  }
  return [...strata.values()].sort((a, b) => compareText(a.benchmark, b.benchmark) || compareText(a.subtask, b.subtask));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function summarizeSubtask(stratum: TStratum): TSubtaskSummary {
  const { own } = stratum;
  return {
    subtask: stratum.subtask,
    benchmark: stratum.benchmark,
    gen: computeGeneration(own),
    und: computeUnderstanding(stratum.triples),
    non: computeNonunified(own),
    unparseable: own.selfNull,
    weakGen: computeWeakGeneration(own),
    weakGenHuman: computeWeakGenerationHuman(own),
    confusion: computeConfusion(own),
    triples: computeTriples(stratum.triples),
  };
}

const sumN = (measures: readonly TMeasure[]) => measures.reduce((total, m) => total + m.n, 0);

/** A difference of two Overall values; n is the smaller of the two denominators. */
function difference(a: TMeasure, b: TMeasure, interval: TOverallIntervals["deltaGen"]): TMeasure {
  if (a.value === null || b.value === null) return EMPTY_MEASURE;
  return estimateMeasure(a.value - b.value, Math.min(a.n, b.n), interval);
}

function summarizeCheckpoint(step: number, epoch: number | null, strata: TStratum[], bootstrap: TBootstrapOptions | null): TCheckpointSummary {
  const subtasks = strata.map(summarizeSubtask);
  const baselineGen = strata.map((s) => computeGeneration(s.baseline));
  const baselineNon = strata.map((s) => computeNonunified(s.baseline));
  const bootstrapSubtasks: TBootstrapSubtask[] = strata.map((s, i) => ({
    prompts: s.prompts,
    has: {
      gen: subtasks[i]!.gen.value !== null,
      non: subtasks[i]!.non.value !== null,
      und: subtasks[i]!.und.value !== null,
      baselineGen: baselineGen[i]!.value !== null,
      baselineNon: baselineNon[i]!.value !== null,
    },
    scores: { own: usesScores(s.own), baseline: usesScores(s.baseline) },
  }));
  const intervals: TOverallIntervals = bootstrap
    ? bootstrapOverall(bootstrapSubtasks, { replicates: bootstrap.replicates, seed: mixSeed(bootstrap.seed, step) })
    : { gen: null, non: null, und: null, deltaGen: null, deltaNon: null };

  const gens = subtasks.map((s) => s.gen);
  const nons = subtasks.map((s) => s.non);
  const unds = subtasks.map((s) => s.und);
  const pooled = strata.reduce((total, s) => addOwnCounts(total, s.own), zeroOwnCounts());
  const overall: TOverall = {
    gen: estimateMeasure(unweightedMean(gens.map((m) => m.value)), sumN(gens), intervals.gen),
    und: estimateMeasure(unweightedMean(unds.map((m) => m.value)), sumN(unds), intervals.und, LOW_N_DISAGREEMENTS),
    non: estimateMeasure(unweightedMean(nons.map((m) => m.value)), sumN(nons), intervals.non),
    nonPooled: proportionMeasure(pooled.self0, pooled.selfN),
  };
  const baseGen = estimateMeasure(unweightedMean(baselineGen.map((m) => m.value)), sumN(baselineGen), null);
  const baseNon = estimateMeasure(unweightedMean(baselineNon.map((m) => m.value)), sumN(baselineNon), null);
  const deltaGen = difference(overall.gen, baseGen, intervals.deltaGen);
  const deltaNon = difference(overall.non, baseNon, intervals.deltaNon);
  return { step, epoch, subtasks, overall, trend: { ...classifyCoTrend({ deltaGen, und: overall.und, deltaNon }), deltaGen, deltaNon } };
}

/**
 * Summarises every checkpoint against one baseline checkpoint. A checkpoint's subtasks are those
 * with images at the checkpoint or at the baseline; a subtask without data for a figure shows null
 * there, never 0. Each checkpoint's bootstrap is seeded by its step, so a checkpoint summarised
 * alone gets exactly the figures it gets among all.
 */
export function summarizeCheckpoints(input: TSummaryInput): TCheckpointSummary[] {
  const ownByStep = groupBy(input.own, (c) => c.step);
  const triplesByStep = groupBy(input.triples, (c) => c.step);
  return input.checkpoints.map(({ step, epoch }) => {
    const strata = collectStrata(ownByStep.get(step) ?? [], input.baseline, triplesByStep.get(step) ?? []);
    return summarizeCheckpoint(step, epoch, strata, input.bootstrap);
  });
}
