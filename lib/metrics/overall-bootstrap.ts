// Intervals for a checkpoint's unweighted Overall (Gen, Und, Non) and for its differences from the
// baseline (ΔGen, ΔNon), by a cluster bootstrap over prompts stratified by subtask. The baseline's
// and the checkpoint's images of one prompt are resampled together, so the differences are paired.
import { drawResampleWeights, LANES, percentileInterval, resampledSums, stratumSeed, type TBootstrapOptions, type TResampleWeights } from "./bootstrap";
import { understandingValue } from "./understanding";
import type { TInterval } from "./wilson";

/** Lanes of a prompt's row (see bootstrap.ts › LANES); the baseline's rows use the first four. */
export const LANE = { genNum: 0, genDen: 1, self0: 2, selfN: 3, judged: 4, disagreements: 5, wins: 6 } as const;

/** One subtask's per-prompt counts over its prompts (sorted by id), as rows of LANES lanes. */
export type TBootstrapSubtask = {
  key: string;
  promptIds: readonly string[];
  /** The checkpoint's Gen ratio and Non counts, and its verdicts on the baseline's images. */
  rows: Float64Array;
  /** The baseline checkpoint's Gen ratio and Non counts. */
  baselineRows: Float64Array;
  /** Which point estimates exist: a subtask enters a replicate's mean only where its point value does. */
  has: { gen: boolean; non: boolean; und: boolean; baselineGen: boolean; baselineNon: boolean };
};

export type TOverallIntervals = { gen: TInterval | null; non: TInterval | null; und: TInterval | null; deltaGen: TInterval | null; deltaNon: TInterval | null };

/**
 * Reuses, within one summary, the resample weights of a subtask (same seed and size: same draws)
 * and the baseline's resampled sums (same prompts: the same for every checkpoint).
 */
export type TBootstrapCache = { weights: Map<string, TResampleWeights>; baseline: Map<string, Float64Array> };

export function createBootstrapCache(): TBootstrapCache {
  return { weights: new Map(), baseline: new Map() };
}

function weightsFor(cache: TBootstrapCache, subtask: TBootstrapSubtask, options: TBootstrapOptions): TResampleWeights {
  const id = `${subtask.key}\u0001${subtask.promptIds.length}`;
  let weights = cache.weights.get(id);
  if (!weights) cache.weights.set(id, (weights = drawResampleWeights(subtask.promptIds.length, options.replicates, stratumSeed(options.seed, subtask.key))));
  return weights;
}

function baselineSumsFor(cache: TBootstrapCache, subtask: TBootstrapSubtask, weights: TResampleWeights): Float64Array {
  const id = `${subtask.key}\u0001${subtask.promptIds.join(",")}`;
  let sums = cache.baseline.get(id);
  if (!sums) cache.baseline.set(id, (sums = resampledSums(weights, subtask.baselineRows)));
  return sums;
}

class MeanAccumulator {
  private sum = 0;
  private count = 0;
  add(value: number | null, include: boolean): void {
    if (!include || value === null) return;
    this.sum += value;
    this.count += 1;
  }
  take(): number | null {
    const value = this.count === 0 ? null : this.sum / this.count;
    this.sum = 0;
    this.count = 0;
    return value;
  }
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/**
 * Recomputes, per replicate, the unweighted Overall of Gen, Non and Und and the Overall differences
 * from the baseline; returns their percentile intervals. A statistic resting on a subtask with a
 * single prompt gets no interval: one prompt cannot show how prompts vary.
 */
export function bootstrapOverall(subtasks: readonly TBootstrapSubtask[], options: TBootstrapOptions, cache = createBootstrapCache()): TOverallIntervals {
  const sums = subtasks.map((subtask) => {
    const weights = weightsFor(cache, subtask, options);
    return { own: resampledSums(weights, subtask.rows), baseline: baselineSumsFor(cache, subtask, weights) };
  });
  const out = { gen: [] as number[], non: [] as number[], und: [] as number[], deltaGen: [] as number[], deltaNon: [] as number[] };
  const gen = new MeanAccumulator(),
    non = new MeanAccumulator(),
    und = new MeanAccumulator(),
    baseGen = new MeanAccumulator(),
    baseNon = new MeanAccumulator();
  for (let r = 0; r < options.replicates; r++) {
    const o = r * LANES;
    subtasks.forEach((subtask, s) => {
      const { own, baseline } = sums[s]!;
      gen.add(ratio(own[o + LANE.genNum]!, own[o + LANE.genDen]!), subtask.has.gen);
      non.add(ratio(own[o + LANE.self0]!, own[o + LANE.selfN]!), subtask.has.non);
      und.add(understandingValue(own[o + LANE.judged]!, own[o + LANE.disagreements]!, own[o + LANE.wins]!), subtask.has.und);
      baseGen.add(ratio(baseline[o + LANE.genNum]!, baseline[o + LANE.genDen]!), subtask.has.baselineGen);
      baseNon.add(ratio(baseline[o + LANE.self0]!, baseline[o + LANE.selfN]!), subtask.has.baselineNon);
    });
    const [g, n, u, bg, bn] = [gen.take(), non.take(), und.take(), baseGen.take(), baseNon.take()];
    if (g !== null) out.gen.push(g);
    if (n !== null) out.non.push(n);
    if (u !== null) out.und.push(u);
    if (g !== null && bg !== null) out.deltaGen.push(g - bg);
    if (n !== null && bn !== null) out.deltaNon.push(n - bn);
  }
  const resamplable = (has: (s: TBootstrapSubtask) => boolean) => subtasks.every((s) => !has(s) || s.promptIds.length >= 2);
  const interval = (values: number[], ok: boolean) => (ok ? percentileInterval(values) : null);
  return {
    gen: interval(
      out.gen,
      resamplable((s) => s.has.gen),
    ),
    non: interval(
      out.non,
      resamplable((s) => s.has.non),
    ),
    und: interval(
      out.und,
      resamplable((s) => s.has.und),
    ),
    deltaGen: interval(
      out.deltaGen,
      resamplable((s) => s.has.gen || s.has.baselineGen),
    ),
    deltaNon: interval(
      out.deltaNon,
      resamplable((s) => s.has.non || s.has.baselineNon),
    ),
  };
}
