// The interval of a difference of two rates when the summary gives only each rate's own interval.
// Pure.
import type { TMeasure } from "@/lib/metrics/summary-types";

/**
 * Newcombe's hybrid score interval for p1 − p0 (Newcombe 1998, method 10), built from the two
 * rates' own 95% intervals. It assumes independent samples; a checkpoint and its baseline judged on
 * the same prompts are positively correlated, so this interval is conservative (wider) there. The
 * engine's cluster-bootstrap interval (trend.deltaGen/deltaNon) is preferred wherever it exists.
 */
export function differenceOf(current: TMeasure, baseline: TMeasure): TMeasure {
  const { value: p1, lo: l1, hi: u1 } = current;
  const { value: p0, lo: l0, hi: u0 } = baseline;
  const n = Math.min(current.n, baseline.n);
  const lowN = current.lowN || baseline.lowN;
  if (p1 === null || p0 === null) return { value: null, n, lo: null, hi: null, lowN };
  const d = p1 - p0;
  if (l1 === null || u1 === null || l0 === null || u0 === null) return { value: d, n, lo: null, hi: null, lowN };
  return { value: d, n, lo: d - Math.hypot(p1 - l1, u0 - p0), hi: d + Math.hypot(u1 - p1, p0 - l0), lowN };
}
