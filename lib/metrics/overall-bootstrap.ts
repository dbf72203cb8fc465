// Intervals for a checkpoint's unweighted Overall (Gen, Und, Non) and for its differences from the
// baseline (ΔGen, ΔNon), by a cluster bootstrap over prompts stratified by subtask. The baseline's
// and the checkpoint's images of one prompt are resampled together, so the differences are paired.
import { type TBootstrapOptions, percentileInterval, resampleStratumSums, type TBootstrapStratum } from "./bootstrap";
import type { TOwnCounts, TTripleCounts } from "./counts";
import { generationRatio } from "./generation";
import { understandingCounts, understandingValue } from "./understanding";
import type { TInterval } from "./wilson";

/** One subtask's per-prompt counters for the checkpoint, its baseline and the baseline's images judged by the checkpoint. */
export type TBootstrapSubtask = {
  prompts: ReadonlyMap<string, { own?: TOwnCounts; baseline?: TOwnCounts; triples?: TTripleCounts }>;
  /** Which point estimates exist (a subtask enters a replicate's mean only where its point value does). */
  has: { gen: boolean; non: boolean; und: boolean; baselineGen: boolean; baselineNon: boolean };
  /** Gen as a mean score rather than a verdict rate, for the checkpoint and the baseline (decided on the point estimate). */
  scores: { own: boolean; baseline: boolean };
};

export type TOverallIntervals = { gen: TInterval | null; non: TInterval | null; und: TInterval | null; deltaGen: TInterval | null; deltaNon: TInterval | null };

// Column layout of one prompt's row.
const C_GEN_NUM = 0, C_GEN_DEN = 1, C_SELF0 = 2, C_SELFN = 3, B_GEN_NUM = 4, B_GEN_DEN = 5, B_SELF0 = 6, B_SELFN = 7, U_JUDGED = 8, U_DIS = 9, U_WINS = 10;
const COLUMNS = 11;

function toStratum(subtask: TBootstrapSubtask): TBootstrapStratum {
  // Rows in prompt-id order, so the draws do not depend on the order the rows arrived in.
  const ids = [...subtask.prompts.keys()].sort();
  const values = new Float64Array(ids.length * COLUMNS);
  ids.forEach((id, row) => {
    const prompt = subtask.prompts.get(id)!;
    const o = row * COLUMNS;
    if (prompt.own) {
      const gen = generationRatio(prompt.own, subtask.scores.own);
      values[o + C_GEN_NUM] = gen.num;
      values[o + C_GEN_DEN] = gen.den;
      values[o + C_SELF0] = prompt.own.self0;
      values[o + C_SELFN] = prompt.own.selfN;
    }
    if (prompt.baseline) {
      const gen = generationRatio(prompt.baseline, subtask.scores.baseline);
      values[o + B_GEN_NUM] = gen.num;
      values[o + B_GEN_DEN] = gen.den;
      values[o + B_SELF0] = prompt.baseline.self0;
      values[o + B_SELFN] = prompt.baseline.selfN;
    }
    if (prompt.triples) {
      const und = understandingCounts(prompt.triples);
      values[o + U_JUDGED] = und.judged;
      values[o + U_DIS] = und.disagreements;
      values[o + U_WINS] = und.wins;
    }
  });
  return { rows: ids.length, values };
}

class MeanAccumulator {
  private sum = 0;
  private count = 0;
  add(value: number | null, include: boolean): void {
    if (!include || value === null) return;
    this.sum += value;
    this.count += 1;
  }
  value(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/**
 * Resamples prompts within each subtask and recomputes, per replicate, the unweighted Overall of
 * Gen, Non and Und and the Overall differences from the baseline; returns their percentile
 * intervals (null where fewer than two replicates produced a value).
 */
export function bootstrapOverall(subtasks: readonly TBootstrapSubtask[], options: TBootstrapOptions): TOverallIntervals {
  const strata = subtasks.map(toStratum);
  const sums = resampleStratumSums(strata, COLUMNS, options);
  const out = { gen: [] as number[], non: [] as number[], und: [] as number[], deltaGen: [] as number[], deltaNon: [] as number[] };
  for (let r = 0; r < options.replicates; r++) {
    const gen = new MeanAccumulator(), non = new MeanAccumulator(), und = new MeanAccumulator();
    const baseGen = new MeanAccumulator(), baseNon = new MeanAccumulator();
    subtasks.forEach((subtask, s) => {
      const o = (r * subtasks.length + s) * COLUMNS;
      gen.add(ratio(sums[o + C_GEN_NUM]!, sums[o + C_GEN_DEN]!), subtask.has.gen);
      non.add(ratio(sums[o + C_SELF0]!, sums[o + C_SELFN]!), subtask.has.non);
      baseGen.add(ratio(sums[o + B_GEN_NUM]!, sums[o + B_GEN_DEN]!), subtask.has.baselineGen);
      baseNon.add(ratio(sums[o + B_SELF0]!, sums[o + B_SELFN]!), subtask.has.baselineNon);
      und.add(understandingValue(sums[o + U_JUDGED]!, sums[o + U_DIS]!, sums[o + U_WINS]!), subtask.has.und);
    });
    pushIfValue(out.gen, gen.value());
    pushIfValue(out.non, non.value());
    pushIfValue(out.und, und.value());
    pushDifference(out.deltaGen, gen.value(), baseGen.value());
    pushDifference(out.deltaNon, non.value(), baseNon.value());
  }
  // One prompt cannot show how prompts vary: every replicate would repeat it and the interval
  // would collapse to a point. A statistic resting on such a subtask gets no interval.
  const resamplable = (has: (s: TBootstrapSubtask) => boolean) => subtasks.every((s, i) => !has(s) || strata[i]!.rows >= 2);
  const interval = (values: number[], ok: boolean) => (ok ? percentileInterval(values) : null);
  return {
    gen: interval(out.gen, resamplable((s) => s.has.gen)),
    non: interval(out.non, resamplable((s) => s.has.non)),
    und: interval(out.und, resamplable((s) => s.has.und)),
    deltaGen: interval(out.deltaGen, resamplable((s) => s.has.gen || s.has.baselineGen)),
    deltaNon: interval(out.deltaNon, resamplable((s) => s.has.non || s.has.baselineNon)),
  };
}

function pushIfValue(into: number[], value: number | null): void {
  if (value !== null) into.push(value);
}

function pushDifference(into: number[], a: number | null, b: number | null): void {
  if (a !== null && b !== null) into.push(a - b);
}
