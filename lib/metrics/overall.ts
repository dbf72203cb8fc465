// The paper's "Overall": the plain mean of the subtask values, not the pooled rate (docs/metrics.md#overall:
// 43.33, 43.00, 27.33, 31.00, 2.33, 10.33 → 26.22). The pooled rate is shown beside it.

/** Unweighted mean of the subtask values that exist; null when none does (missing is not 0). */
export function unweightedMean(values: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null || value === undefined) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}
