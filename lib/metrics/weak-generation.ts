// The weak-generation share (docs/metrics.md#weak-generation-share): of the images the model rejected, how many an independent
// judge also calls bad. Above 50% the self-contradiction comes from generation; the rest is
// misunderstanding.
import type { TOwnCounts } from "./counts";
import { proportionMeasure } from "./measure";
import type { TMeasure } from "./summary-types";

/** WG = #(self 0 ∧ external 0) / #(self 0 ∧ external ≠ null) = TN / (TN + FN). */
export function computeWeakGeneration(counts: Pick<TOwnCounts, "tn" | "fn">): TMeasure {
  return proportionMeasure(counts.tn, counts.tn + counts.fn);
}

/**
 * The same share against the human verdict (per image, the annotators' majority; a tie is no
 * verdict). Null when no image of the cell has a human verdict, so "no annotation" is not shown as
 * an empty measurement.
 */
export function computeWeakGenerationHuman(counts: Pick<TOwnCounts, "humN" | "humSelf0N" | "humSelf0Bad">): TMeasure | null {
  if (counts.humN === 0) return null;
  return proportionMeasure(counts.humSelf0Bad, counts.humSelf0N);
}
