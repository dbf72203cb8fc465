// Transition triples (docs/metrics.md#transition-triples) on the baseline's images: all 8 cells of (external, baseline self,
// current self). The paper's co-improvement mechanism is the corrected false positive (0,1,0).
import { addTriples, type TTripleCounts, zeroTriples } from "./counts";
import type { TTriples } from "./summary-types";

/** Names the two cells that explain a change in understanding: (0,1,0) corrected and (0,0,1) new false positives. */
export function computeTriples(counts: TTripleCounts): TTriples {
  const copy = addTriples(zeroTriples(), counts);
  const n = Object.values(copy).reduce((a, b) => a + b, 0);
  return { counts: copy, correctedFalsePositives: copy["010"], newFalsePositives: copy["001"], n };
}
