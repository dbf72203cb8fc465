// The audit's estimate (docs/metrics.md#self-judge-confusion, #supervision-audit): precision of the
// self-judge's choices = of the images the model accepted (own self verdict 1), the share a human
// reviewer labels aligned. Only labelled, self-accepted images count; n is that number, with a
// Wilson 95% interval and a low-n flag below 30. Pure.
import { proportionMeasure } from "@/lib/metrics/measure";
import type { TMeasure } from "@/lib/metrics/summary-types";

export function estimateSelfPrecision(items: readonly { self: 0 | 1 | null; label: 0 | 1 | null }[]): TMeasure {
  const judged = items.filter((i) => i.self === 1 && i.label !== null);
  return proportionMeasure(judged.filter((i) => i.label === 1).length, judged.length);
}
