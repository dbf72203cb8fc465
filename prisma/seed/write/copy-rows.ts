// Samples and judgments of a fresh seeded run through COPY (lib/db/copy.ts): the same rows the app's
// unnest repositories write, at twice the speed on PGlite, for runs that cannot conflict.
import "server-only";

import { copyRows, reserveIds } from "@/lib/db/copy";
import type { TDatabase } from "@/lib/db/open";
import type { TJudgmentRow, TSampleRow } from "@/lib/samples/bulk-repository";

const SAMPLE_COLUMNS = ["id", "run_id", "step", "epoch", "prompt_id", "subtask", "benchmark", "candidate", "candidates", "blob_sha256", "gen_log_lik", "role"];
const JUDGMENT_COLUMNS = [
  "sample_id",
  "run_id",
  "step",
  "subtask",
  "kind",
  "judge",
  "judge_step",
  "verdict",
  "prob",
  "score",
  "response",
  "reason",
  "annotator_id",
];

/** Loads the samples of a new run; returns their ids in input order. */
export async function copySamples(db: TDatabase, runId: string, rows: readonly TSampleRow[]): Promise<string[]> {
  const ids = await reserveIds(db, "samples", "id", rows.length);
  await copyRows(
    db,
    "samples",
    SAMPLE_COLUMNS,
    rows.map((r, i) => [ids[i], runId, r.step, r.epoch, r.promptId, r.subtask, r.benchmark, r.candidate, r.candidates, r.blobSha256, r.genLogLik, r.role]),
  );
  return ids;
}

export async function copyJudgments(db: TDatabase, rows: readonly TJudgmentRow[]): Promise<void> {
  await copyRows(
    db,
    "judgments",
    JUDGMENT_COLUMNS,
    rows.map((r) => [r.sampleId, r.runId, r.step, r.subtask, r.kind, r.judge, r.judgeStep, r.verdict, r.prob, r.score, r.response, r.reason, r.annotatorId]),
  );
}
