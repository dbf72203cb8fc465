// The supervision audit (docs/metrics.md#supervision-audit): a training set built from self
// verdicts is only as good as those verdicts. An independent judge (external or human) tells how
// many SFT-chosen images are really aligned and how often it agrees with the DPO pairs' order.
import type { TVerdict } from "./majority";
import { proportionMeasure } from "./measure";
import type { TSampleRole } from "./sample-roles";
import type { TMeasure } from "./summary-types";

/** Below this precision or agreement, training data built from self verdicts is flagged as a risk. */
export const DEFAULT_AUDIT_THRESHOLD = 0.7;

export type TAuditSample = {
  promptId: string;
  step: number;
  role: TSampleRole;
  /** The independent judge's verdict and, when it scores, its score. */
  verdict: TVerdict;
  score: number | null;
};

export type TSupervisionAudit = {
  /** Share of SFT-chosen images the independent judge calls aligned. */
  sftPrecision: TMeasure;
  /** Pairs (a DPO-chosen and a DPO-rejected image of one prompt at one step) and the judge's preference. */
  dpo: { pairs: number; agree: number; disagree: number; ties: number; agreement: TMeasure };
  threshold: number;
  /** The point estimate is below the threshold: the training data may be teaching the wrong thing. */
  sftAtRisk: boolean;
  dpoAtRisk: boolean;
};

/** +1 when the judge prefers a over b, −1 for b, 0 when it cannot tell (same verdict and no differing scores). */
function preference(a: TAuditSample, b: TAuditSample): number {
  if (a.verdict !== null && b.verdict !== null && a.verdict !== b.verdict) return a.verdict > b.verdict ? 1 : -1;
  if (a.score !== null && b.score !== null && a.score !== b.score) return a.score > b.score ? 1 : -1;
  return 0;
}

/** What the audit is computed from; SQL (audit-repository.ts) produces the same counts. */
export type TSupervisionCounts = { sftJudged: number; sftAligned: number; agree: number; disagree: number; ties: number };

/**
 * Counts SFT-chosen images the judge judged and called aligned, and the judge's preference on every
 * chosen × rejected pair of the same prompt and step (pairs are not stored, so this is the set they
 * were drawn from).
 */
export function countSupervision(samples: readonly TAuditSample[]): TSupervisionCounts {
  const sft = samples.filter((s) => s.role === "sft_chosen" && s.verdict !== null);

  const groups = new Map<string, { chosen: TAuditSample[]; rejected: TAuditSample[] }>();
  for (const s of samples) {
    if (s.role !== "dpo_chosen" && s.role !== "dpo_rejected") continue;
    const key = `${s.step}\u0000${s.promptId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { chosen: [], rejected: [] }));
    (s.role === "dpo_chosen" ? group.chosen : group.rejected).push(s);
  }
  let agree = 0,
    disagree = 0,
    ties = 0;
  for (const { chosen, rejected } of groups.values()) {
    for (const c of chosen) {
      for (const r of rejected) {
        const p = preference(c, r);
        if (p > 0) agree += 1;
        else if (p < 0) disagree += 1;
        else ties += 1;
      }
    }
  }
  return { sftJudged: sft.length, sftAligned: sft.filter((s) => s.verdict === 1).length, agree, disagree, ties };
}

/**
 * SFT precision = aligned / judged among SFT-chosen images. DPO agreement = pairs where the judge
 * prefers the chosen image / pairs where it prefers either; ties are reported beside the share
 * rather than counted as agreement. A risk is flagged when a point estimate is below the threshold.
 */
export function auditFromCounts(counts: TSupervisionCounts, threshold = DEFAULT_AUDIT_THRESHOLD): TSupervisionAudit {
  const { agree, disagree, ties } = counts;
  const sftPrecision = proportionMeasure(counts.sftAligned, counts.sftJudged);
  const agreement = proportionMeasure(agree, agree + disagree);
  return {
    sftPrecision,
    dpo: { pairs: agree + disagree + ties, agree, disagree, ties, agreement },
    threshold,
    sftAtRisk: sftPrecision.value !== null && sftPrecision.value < threshold,
    dpoAtRisk: agreement.value !== null && agreement.value < threshold,
  };
}

/** The audit of a set of samples: countSupervision, then auditFromCounts. */
export function auditSupervision(samples: readonly TAuditSample[], threshold = DEFAULT_AUDIT_THRESHOLD): TSupervisionAudit {
  return auditFromCounts(countSupervision(samples), threshold);
}
