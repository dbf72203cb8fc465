// The understanding score (docs/metrics.md#understanding-score): a win rate against the external judge on the baseline's
// images. Among the images where the baseline's and the current checkpoint's self verdicts
// disagree, the share where the current checkpoint agrees with the external judge.
import type { TTripleCounts } from "./counts";
import { EMPTY_MEASURE, LOW_N_DISAGREEMENTS, proportionMeasure } from "./measure";
import type { TMeasure } from "./summary-types";

export type TUnderstandingCounts = { judged: number; disagreements: number; wins: number };

/**
 * Reads the win-rate counts off the transition triples (external, baseline, current): the
 * disagreements are the cells where baseline ≠ current, the wins those where current = external.
 */
export function understandingCounts(t: TTripleCounts): TUnderstandingCounts {
  const judged = t["000"] + t["001"] + t["010"] + t["011"] + t["100"] + t["101"] + t["110"] + t["111"];
  return { judged, disagreements: t["001"] + t["010"] + t["101"] + t["110"], wins: t["010"] + t["101"] };
}

/** Und as a value for resampling: null with nothing judged, 0.5 with no disagreement, else wins / disagreements. */
export function understandingValue(judged: number, disagreements: number, wins: number): number | null {
  if (judged === 0) return null;
  return disagreements === 0 ? 0.5 : wins / disagreements;
}

/**
 * Und = wins / disagreements with a Wilson interval. No baseline image judged by both: missing.
 * Judged but no disagreement: 0.5 with n = 0 (the paper's 50), so nobody mistakes it for a measurement.
 */
export function computeUnderstanding(t: TTripleCounts): TMeasure {
  const { judged, disagreements, wins } = understandingCounts(t);
  if (judged === 0) return EMPTY_MEASURE;
  if (disagreements === 0) return { value: 0.5, n: 0, lo: null, hi: null, lowN: true };
  return proportionMeasure(wins, disagreements, LOW_N_DISAGREEMENTS);
}
