// Wilson score intervals: the interval every proportion in unigap carries (docs/metrics.md#statistics).
// Wilson rather than Wald because the paper's rates sit near 0 and 1 and rest on small n, where
// the Wald interval collapses to a point or leaves [0, 1].

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export type TInterval = { lo: number; hi: number };

/**
 * The 95% Wilson score interval of k successes in n trials; null when n = 0, because an interval
 * around nothing would look like a measurement.
 */
export function wilsonInterval(k: number, n: number, z = Z95): TInterval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lo: Math.max(0, center - half), hi: Math.min(1, center + half) };
}
