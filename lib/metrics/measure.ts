// Builders of TMeasure, the shape every number of the summary contract takes: value, n, 95%
// interval and a low-n flag. Missing data is `value: null` with n = 0, never a zero rate.
import type { TMeasure } from "./summary-types";
import { wilsonInterval, Z95 } from "./wilson";

/** Below this many observations a rate is flagged rather than read as a finding (docs/metrics.md#conventions). */
const LOW_N = 30;
/** The understanding score rests on disagreements, which are rarer: flag below this many. */
export const LOW_N_DISAGREEMENTS = 10;

export const EMPTY_MEASURE: TMeasure = { value: null, n: 0, lo: null, hi: null, lowN: true };

/** A proportion k/n with its Wilson interval; null value when n = 0 (an empty cell, not a 0% rate). */
export function proportionMeasure(k: number, n: number, lowNBelow = LOW_N): TMeasure {
  if (n <= 0) return EMPTY_MEASURE;
  const interval = wilsonInterval(k, n);
  return { value: k / n, n, lo: interval?.lo ?? null, hi: interval?.hi ?? null, lowN: n < lowNBelow };
}

/**
 * The mean of a continuous score from its count, sum and sum of squares, with a normal 95%
 * interval (needs n ≥ 2 for a spread). Scores keep their own scale: they are not clamped to [0, 1].
 */
export function meanMeasure(n: number, sum: number, sumOfSquares: number): TMeasure {
  if (n <= 0) return EMPTY_MEASURE;
  const mean = sum / n;
  if (n < 2) return { value: mean, n, lo: null, hi: null, lowN: true };
  const variance = Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
  const half = Z95 * Math.sqrt(variance / n);
  return { value: mean, n, lo: mean - half, hi: mean + half, lowN: n < LOW_N };
}

/** A value with a bootstrap (or otherwise computed) interval; intervals are dropped when n = 0. */
export function estimateMeasure(value: number | null, n: number, interval: { lo: number; hi: number } | null, lowNBelow = LOW_N): TMeasure {
  if (value === null) return { ...EMPTY_MEASURE, n };
  const hasInterval = interval !== null && n > 0;
  return { value, n, lo: hasInterval ? interval.lo : null, hi: hasInterval ? interval.hi : null, lowN: n < lowNBelow };
}
