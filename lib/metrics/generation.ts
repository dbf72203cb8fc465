// The generation score (docs/metrics.md#generation-score): the external judge's aligned rate on a checkpoint's own images,
// or the mean of its continuous score when it gave no verdicts on them.
import type { TOwnCounts } from "./counts";
import { EMPTY_MEASURE, meanMeasure, proportionMeasure } from "./measure";
import type { TMeasure } from "./summary-types";

/**
 * Gen = aligned verdicts / verdicts when the judge gave any verdict on these images; otherwise the
 * mean continuous score (a judge that only scores); otherwise missing. Deciding per cell keeps a
 * verdict judge and a score judge from being averaged into one number.
 */
export function computeGeneration(counts: Pick<TOwnCounts, "extN" | "ext1" | "scoreN" | "scoreSum" | "scoreSq">): TMeasure {
  if (counts.extN > 0) return proportionMeasure(counts.ext1, counts.extN);
  if (counts.scoreN > 0) return meanMeasure(counts.scoreN, counts.scoreSum, counts.scoreSq);
  return EMPTY_MEASURE;
}

/** Gen as a ratio numerator/denominator (for resampling): verdicts when present, else scores. */
export function generationRatio(counts: Pick<TOwnCounts, "extN" | "ext1" | "scoreN" | "scoreSum">, useScores: boolean): { num: number; den: number } {
  return useScores ? { num: counts.scoreSum, den: counts.scoreN } : { num: counts.ext1, den: counts.extN };
}

/** Whether a cell's Gen is a mean score rather than a verdict rate (see computeGeneration). */
export function usesScores(counts: Pick<TOwnCounts, "extN" | "scoreN">): boolean {
  return counts.extN === 0 && counts.scoreN > 0;
}
