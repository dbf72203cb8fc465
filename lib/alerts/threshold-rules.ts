// The project's own alert rules (issue 14), each with its statistics spelled out: a rule fires only when
// the whole 95% interval clears the threshold, so a noisy point estimate never pages anyone.
import type { TMeasure } from "../metrics/summary-types";

export type TThresholdRule = { kind: "gen_below_baseline"; points: number } | { kind: "und_below_half" } | { kind: "subtask_non_above"; percent: number };

export type TRuleInput = { deltaGen: TMeasure; und: TMeasure; subtaskNon: { subtask: string; non: TMeasure }[] };
export type TRuleVerdict = { fired: boolean; reasons: string[] };

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const ci = (m: TMeasure) => (m.lo === null || m.hi === null ? "no interval" : `95% CI [${pct(m.lo)}, ${pct(m.hi)}], n = ${m.n}`);

/** Evaluates one rule on a checkpoint's figures against its baseline; missing data never fires. */
export function evaluateThresholdRule(rule: TThresholdRule, input: TRuleInput): TRuleVerdict {
  if (rule.kind === "gen_below_baseline") {
    const m = input.deltaGen;
    const fired = m.value !== null && m.hi !== null && m.hi < -rule.points / 100;
    return { fired, reasons: fired ? [`ΔGen ${pct(m.value ?? 0)} (${ci(m)}): significantly more than ${rule.points} points below the baseline`] : [] };
  }
  if (rule.kind === "und_below_half") {
    const m = input.und;
    const fired = m.value !== null && m.hi !== null && m.hi < 0.5;
    return { fired, reasons: fired ? [`Und ${pct(m.value ?? 0)} (${ci(m)}): significantly below 50%`] : [] };
  }
  const hits = input.subtaskNon.filter(({ non }) => non.value !== null && non.lo !== null && non.lo > rule.percent / 100);
  return {
    fired: hits.length > 0,
    reasons: hits.map(({ subtask, non }) => `Non of ${subtask} ${pct(non.value ?? 0)} (${ci(non)}): lower bound above ${rule.percent}%`),
  };
}
