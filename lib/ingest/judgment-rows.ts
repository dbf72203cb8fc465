import type { TJudgmentInput } from "@/lib/api/contracts/samples";
import type { TJudgmentRow } from "@/lib/samples/bulk-repository";

// From the API's judgment to the stored row. The conventions (see docs/metrics.md#verdicts): a self
// judgment is judge "self" at the sample's own step unless said otherwise; one made by another run's
// checkpoint is "self:<judgingRunId>"; external and human judges are not checkpoints (judge_step -1
// in the database, null in the API — the mapping lives here only).

const NOT_A_CHECKPOINT = -1;

export function toJudgmentRow(j: TJudgmentInput, sample: { id: string; step: number; subtask: string }, runId: string): TJudgmentRow {
  const isSelf = j.kind === "self";
  return {
    sampleId: sample.id,
    runId,
    step: sample.step,
    subtask: sample.subtask,
    kind: j.kind,
    judge: isSelf ? (j.judgeRunId ? `self:${j.judgeRunId}` : (j.judge ?? "self")) : j.judge!,
    judgeStep: j.judgeStep ?? (isSelf ? sample.step : NOT_A_CHECKPOINT),
    verdict: j.verdict,
    prob: j.prob,
    score: j.score,
    response: j.response,
    reason: j.reason,
  };
}

/** The key within one sample, before the sample has an id (in-batch duplicate check). */
export function judgeKeyOf(j: TJudgmentInput, sampleStep: number): string {
  const row = toJudgmentRow(j, { id: "", step: sampleStep, subtask: "" }, "");
  return `${row.kind}|${row.judge}|${row.judgeStep}`;
}
