import "server-only";

import { getDb } from "@/lib/db/client";

import { judgeOfSampleSql, type TExternalJudges } from "./external-judges";
import type { TSupervisionCounts } from "./supervision-audit";

// The supervision audit's counts inside PostgreSQL (see supervision-audit.ts › countSupervision):
// the independent verdict of each training image (its benchmark's external judge, or the annotators), then SFT precision counts and the judge's
// preference on every chosen × rejected pair of the same prompt and step.

/** The independent judge: each benchmark's external judge (benchmark → judge), or the annotators' majority. */
export type TAuditJudge = { kind: "external"; judges: TExternalJudges } | { kind: "human" };

const AUDIT_SQL = `
WITH images AS MATERIALIZED (
  SELECT s.step, s.prompt_id, s.role, v.verdict, v.score
  FROM samples s
  LEFT JOIN (
    SELECT j.sample_id,
      CASE WHEN $3::jsonb IS NULL THEN
        CASE WHEN count(*) FILTER (WHERE j.verdict = 1) > count(*) FILTER (WHERE j.verdict = 0) THEN 1
             WHEN count(*) FILTER (WHERE j.verdict = 0) > count(*) FILTER (WHERE j.verdict = 1) THEN 0 END
      ELSE max(j.verdict) END AS verdict,
      CASE WHEN $3::jsonb IS NULL THEN NULL ELSE max(j.score) END AS score
    FROM judgments j
    JOIN samples t ON t.id = j.sample_id AND t.run_id = $1::uuid AND t.role IN ('sft_chosen', 'dpo_chosen', 'dpo_rejected') AND ($2::int IS NULL OR t.step = $2)
    WHERE j.run_id = $1::uuid AND ($2::int IS NULL OR j.step = $2)
      AND (($3::jsonb IS NULL AND j.kind = 'human') OR (j.kind = 'external' AND j.judge = (${judgeOfSampleSql("$3", "t")}) AND j.judge_step = -1))
    GROUP BY j.sample_id
  ) v ON v.sample_id = s.id
  WHERE s.run_id = $1::uuid AND s.role IN ('sft_chosen', 'dpo_chosen', 'dpo_rejected') AND ($2::int IS NULL OR s.step = $2)
), pairs AS (
  SELECT CASE
      WHEN c.verdict IS NOT NULL AND r.verdict IS NOT NULL AND c.verdict <> r.verdict THEN sign(c.verdict - r.verdict)
      WHEN c.score IS NOT NULL AND r.score IS NOT NULL AND c.score <> r.score THEN sign(c.score - r.score)
      ELSE 0 END AS preference
  FROM images c JOIN images r ON r.step = c.step AND r.prompt_id = c.prompt_id AND r.role = 'dpo_rejected'
  WHERE c.role = 'dpo_chosen'
)
SELECT
  (SELECT count(verdict) FROM images WHERE role = 'sft_chosen')::int AS sft_judged,
  (SELECT count(*) FROM images WHERE role = 'sft_chosen' AND verdict = 1)::int AS sft_aligned,
  count(*) FILTER (WHERE preference > 0)::int AS agree,
  count(*) FILTER (WHERE preference < 0)::int AS disagree,
  count(*) FILTER (WHERE preference = 0)::int AS ties
FROM pairs`;

/** SFT precision and DPO pair counts of a run (one step, or all) against an independent judge. */
export async function countSupervisionInRun(runId: string, step: number | null, judge: TAuditJudge): Promise<TSupervisionCounts> {
  const { sql } = await getDb();
  const [row] = await sql.query<{ sft_judged: number; sft_aligned: number; agree: number; disagree: number; ties: number }>(AUDIT_SQL, [
    runId,
    step,
    judge.kind === "external" ? JSON.stringify(judge.judges) : null,
  ]);
  return { sftJudged: row?.sft_judged ?? 0, sftAligned: row?.sft_aligned ?? 0, agree: row?.agree ?? 0, disagree: row?.disagree ?? 0, ties: row?.ties ?? 0 };
}
