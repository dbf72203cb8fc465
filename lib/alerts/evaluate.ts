// What a settled checkpoint says about a run (issue 14), pure: the built-in signatures (the co-trend class
// co-degradation and the data-quality alarm, exactly as the run page shows them) and the project's rules,
// each as "matches or not" with the figures (value, n, 95% interval) and the reasons a person reads.
import type { TCheckpointSummary, TMeasure } from "../metrics/summary-types";

import { evaluateThresholdRule, type TThresholdRule } from "./threshold-rules";

export type TEvaluatedRule = { id: string; rule: TThresholdRule };
export type TSignatureVerdict = { signature: string; ruleId: string | null; matches: boolean; reasons: string[] };
export type TCheckpointVerdict = {
  step: number;
  /** False while the checkpoint lacks Gen or Und (judgments still arriving): nothing opens or resolves on it. */
  settled: boolean;
  figures: Record<string, unknown>;
  verdicts: TSignatureVerdict[];
};

export const CO_DEGRADATION = "co_degradation";
export const DATA_QUALITY = "data_quality";
export const ruleSignature = (kind: string) => `rule:${kind}`;

const figure = (m: TMeasure) => ({ value: m.value, n: m.n, lo: m.lo, hi: m.hi, lowN: m.lowN });

/** Evaluates one checkpoint against its baseline (the trend in its summary) and the project's enabled threshold rules. */
export function evaluateCheckpoint(
  checkpoint: TCheckpointSummary,
  baseline: { runId: string; step: number },
  rules: readonly TEvaluatedRule[],
): TCheckpointVerdict {
  const { overall, trend } = checkpoint;
  const settled = overall.gen.value !== null && overall.und.value !== null;
  const subtaskNon = checkpoint.subtasks.map((s) => ({ subtask: s.subtask, non: s.non }));
  const figures = {
    step: checkpoint.step,
    baseline,
    class: trend.class,
    gen: figure(overall.gen),
    und: figure(overall.und),
    non: figure(overall.non),
    deltaGen: figure(trend.deltaGen),
    deltaNon: figure(trend.deltaNon),
    subtasks: checkpoint.subtasks.map((s) => ({ subtask: s.subtask, benchmark: s.benchmark, gen: figure(s.gen), und: figure(s.und), non: figure(s.non) })),
  };
  const verdicts: TSignatureVerdict[] = [
    {
      signature: CO_DEGRADATION,
      ruleId: null,
      matches: trend.class === "co-degradation",
      reasons: [`co-trend class: ${trend.class}`, ...trend.reasons.filter((r) => !r.startsWith("data-quality"))],
    },
    { signature: DATA_QUALITY, ruleId: null, matches: trend.alarm, reasons: trend.reasons },
    ...rules.map(({ id, rule }) => {
      const verdict = evaluateThresholdRule(rule, { deltaGen: trend.deltaGen, und: overall.und, subtaskNon });
      return { signature: ruleSignature(rule.kind), ruleId: id, matches: verdict.fired, reasons: verdict.reasons };
    }),
  ];
  return { step: checkpoint.step, settled, figures, verdicts };
}
