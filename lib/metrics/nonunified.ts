// The Nonunified score (docs/metrics.md#nonunified-score): Non(c,t) = #(self = 0) / #(self ≠ null) over checkpoint c's own
// images judged by c itself. Unparseable answers are counted beside it (TOwnCounts.selfNull), never
// folded into either side.
import type { TOwnCounts } from "./counts";
import { proportionMeasure } from "./measure";
import type { TMeasure } from "./summary-types";

/** Non = share of parsed self verdicts that reject the model's own image; null when none parsed. */
export function computeNonunified(counts: Pick<TOwnCounts, "selfN" | "self0">): TMeasure {
  return proportionMeasure(counts.self0, counts.selfN);
}

/** Unification = 1 − Non, with the interval mirrored; missing stays missing. */
export function computeUnification(non: TMeasure): TMeasure {
  if (non.value === null) return non;
  return { ...non, value: 1 - non.value, lo: non.hi === null ? null : 1 - non.hi, hi: non.lo === null ? null : 1 - non.lo };
}
