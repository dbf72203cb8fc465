// Exponential moving average with debiasing (TensorBoard's smoothing). Pure.

/**
 * s_k = w·s_{k−1} + (1−w)·x_k from s_0 = 0, reported as s_k / (1 − w^k) so the first values are not
 * pulled towards zero. Null inputs (NaN, gaps) give null and leave the state untouched; w = 0 is
 * the raw series.
 */
export function emaDebiased(values: readonly (number | null)[], weight: number): (number | null)[] {
  const w = Math.min(Math.max(weight, 0), 0.999);
  let state = 0;
  let k = 0;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    state = w * state + (1 - w) * v;
    k += 1;
    return state / (1 - w ** k);
  });
}
