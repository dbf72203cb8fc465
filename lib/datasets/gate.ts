// The gate: the data-quality check before training (domain.md, the supervision audit, applied to a
// set that is about to be built). Chosen images are scored against independent judges — the external
// judge, and the annotators separately — per subtask and overall, with n and Wilson 95% intervals.
import { proportionMeasure } from "@/lib/metrics/measure";
import type { TMeasure } from "@/lib/metrics/summary-types";

import type { TItem } from "./recipe";

export const DEFAULT_PRECISION_THRESHOLD = 0.6;
const MIN_COVERAGE = 0.2;

type TGateRow = {
  subtask: string;
  chosen: number;
  /** Share of chosen images the external judge calls aligned, and the annotators' majority. */
  precision: TMeasure;
  humanPrecision: TMeasure;
  /** DPO: pairs where the external judge prefers the chosen image, of the pairs where it prefers either. */
  pairAgreement: TMeasure | null;
  /** Share of chosen images that an independent judge (external or human) judged. */
  coverage: TMeasure;
};

export type TGate = { threshold: number; overall: TGateRow; subtasks: TGateRow[] };
export type TRisk = { atRisk: boolean; reasons: string[] };

function rowOf(subtask: string, items: readonly TItem[], isDpo: boolean): TGateRow {
  let judged = 0,
    aligned = 0,
    humanJudged = 0,
    humanAligned = 0,
    covered = 0,
    agree = 0,
    disagree = 0;
  for (const { chosen, rejected } of items) {
    if (chosen.external !== null) {
      judged += 1;
      aligned += chosen.external;
    }
    if (chosen.human !== null) {
      humanJudged += 1;
      humanAligned += chosen.human;
    }
    if (chosen.external !== null || chosen.human !== null) covered += 1;
    if (rejected && chosen.external !== null && rejected.external !== null && chosen.external !== rejected.external) {
      if (chosen.external > rejected.external) agree += 1;
      else disagree += 1;
    }
  }
  return {
    subtask,
    chosen: items.length,
    precision: proportionMeasure(aligned, judged),
    humanPrecision: proportionMeasure(humanAligned, humanJudged),
    pairAgreement: isDpo ? proportionMeasure(agree, agree + disagree) : null,
    coverage: proportionMeasure(covered, items.length),
  };
}

/** Per subtask (sorted) and overall; the items' subtask is their chosen image's. */
export function computeGate(items: readonly TItem[], isDpo: boolean, threshold = DEFAULT_PRECISION_THRESHOLD): TGate {
  const bySubtask = new Map<string, TItem[]>();
  for (const item of items) {
    const list = bySubtask.get(item.chosen.subtask);
    if (list) list.push(item);
    else bySubtask.set(item.chosen.subtask, [item]);
  }
  const subtasks = [...bySubtask.keys()].sort().map((s) => rowOf(s, bySubtask.get(s)!, isDpo));
  return { threshold, overall: rowOf("overall", items, isDpo), subtasks };
}

const pct = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)}%`);
const interval = (m: TMeasure) => `${pct(m.value)} [${pct(m.lo)}, ${pct(m.hi)}] (n = ${m.n})`;

/**
 * At risk of co-degradation (the paper's poor-supervision case) when a precision's whole 95%
 * interval lies below the threshold (its upper bound is under it), when a DPO set's pair agreement
 * does, or when independent judges cover under 20% of the chosen images. One sentence per reason.
 */
export function assessRisk(gate: TGate): TRisk {
  const reasons: string[] = [];
  const { overall, threshold } = gate;
  const checks: [string, TMeasure | null][] = [
    ["Precision of the chosen images against the external judge", overall.precision],
    ["Precision of the chosen images against the human labels", overall.humanPrecision],
    ["Agreement of the DPO pairs with the external judge", overall.pairAgreement],
  ];
  for (const [what, m] of checks) {
    if (m && m.hi !== null && m.hi < threshold)
      reasons.push(`${what} is ${interval(m)}, below the threshold of ${pct(threshold)}: training on this set risks co-degradation.`);
  }
  const coverage = overall.coverage;
  if (overall.chosen > 0 && (coverage.value ?? 0) < MIN_COVERAGE) {
    reasons.push(
      `Independent judges cover only ${pct(coverage.value)} of the chosen images (${Math.round((coverage.value ?? 0) * overall.chosen)} of ${overall.chosen}), below ${pct(MIN_COVERAGE)}: the set's quality is unknown.`,
    );
  }
  return { atRisk: reasons.length > 0, reasons };
}
