// Self-judge confusion (docs/metrics.md#self-judge-confusion): checkpoint c's self verdicts on its own images against the
// external verdict, over the images where both exist.
import type { TOwnCounts } from "./counts";
import { proportionMeasure } from "./measure";
import type { TConfusion } from "./summary-types";

/**
 * TP (self 1, ext 1), FP (1, 0), TN (0, 0), FN (0, 1); false-positive rate FP/(FP+TN) — how often
 * the judge accepts a bad image — and precision TP/(TP+FP), the quality of SFT data built from
 * self-accepted images.
 */
export function computeConfusion(counts: Pick<TOwnCounts, "tp" | "fp" | "tn" | "fn">): TConfusion {
  const { tp, fp, tn, fn } = counts;
  return { tp, fp, tn, fn, falsePositiveRate: proportionMeasure(fp, fp + tn), precision: proportionMeasure(tp, tp + fp) };
}
