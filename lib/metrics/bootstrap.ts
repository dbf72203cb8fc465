// The cluster bootstrap behind every interval on a difference or an unweighted Overall (domain.md,
// "Statistics"): candidates of one prompt are correlated, so whole prompts are resampled, with
// replacement, within each subtask (stratified), and each replicate recomputes the statistic.
// Seeded, so a summary is the same on every request and on both databases.
import type { TInterval } from "./wilson";

/** Rows (prompts) of one stratum (subtask): `values` is row-major, `rows × columns`. */
export type TBootstrapStratum = { rows: number; values: Float64Array };
export type TBootstrapOptions = { replicates: number; seed: number };

export const DEFAULT_REPLICATES = 1000;
export const DEFAULT_SEED = 2507_16663;

/**
 * Draws, per replicate and per stratum, as many rows as the stratum has (with replacement) and
 * sums their columns. Returns `sums[(replicate × strata + stratum) × columns + column]`; the
 * caller turns the sums into its statistic. Strata are resampled independently, in order, from
 * one seeded stream.
 */
export function resampleStratumSums(strata: readonly TBootstrapStratum[], columns: number, options: TBootstrapOptions): Float64Array {
  const { replicates } = options;
  const sums = new Float64Array(replicates * strata.length * columns);
  // mulberry32 inlined: this loop runs replicates × prompts times per checkpoint, and a closure
  // call per draw costs about as much as the additions it feeds.
  let state = options.seed >>> 0;
  for (let r = 0; r < replicates; r++) {
    for (let s = 0; s < strata.length; s++) {
      const { rows, values } = strata[s]!;
      const base = (r * strata.length + s) * columns;
      for (let draw = 0; draw < rows; draw++) {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const row = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * rows);
        const offset = row * columns;
        for (let c = 0; c < columns; c++) sums[base + c]! += values[offset + c]!;
      }
    }
  }
  return sums;
}

/**
 * The percentile interval (2.5% and 97.5% by linear interpolation between order statistics, R's
 * type 7) of the replicates that produced a value; null when fewer than two did.
 */
export function percentileInterval(replicates: readonly number[], level = 0.95): TInterval | null {
  if (replicates.length < 2) return null;
  const sorted = Float64Array.from(replicates).sort();
  const tail = (1 - level) / 2;
  return { lo: quantile(sorted, tail), hi: quantile(sorted, 1 - tail) };
}

function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (h - below) * (sorted[above]! - sorted[below]!);
}

/** A per-checkpoint seed: the same checkpoint gets the same draws whatever else is summarised with it. */
export function mixSeed(seed: number, value: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ value;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
