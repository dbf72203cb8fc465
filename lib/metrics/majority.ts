// One rule wherever several verdicts on one thing must become one: the majority of the verdicts
// given; a tie, or no verdict at all, is no verdict (null) rather than a coin flip.

export type TVerdict = 0 | 1 | null;

/** The majority of the non-null verdicts; null on a tie or when there are none. */
export function majorityVerdict(verdicts: readonly TVerdict[]): TVerdict {
  let ones = 0;
  let zeros = 0;
  for (const v of verdicts) {
    if (v === 1) ones += 1;
    else if (v === 0) zeros += 1;
  }
  return ones > zeros ? 1 : zeros > ones ? 0 : null;
}
