import "server-only";

import { getDb } from "@/lib/db/client";

// One sample with everything judged about it, its prompt's timeline in the run, and the same prompt
// in the project's other runs. Small reads by primary key and the (prompt_id, run_id, step) index.

export type TSampleRefRow = {
  id: string;
  run_id: string;
  project_id: string;
  run_name: string;
  step: number;
  prompt_id: string;
  prompt: string;
  candidate: number;
  candidates: number | null;
  role: string;
  subtask: string;
  benchmark: string;
  blob_sha256: string | null;
  gen_log_lik: number | null;
  generation_prompt: string | null;
  source_path: string | null;
  media_type: string | null;
  width: number | null;
  height: number | null;
};

export async function findSampleRef(id: string): Promise<TSampleRefRow | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<TSampleRefRow>(
    `SELECT s.id::text AS id, s.run_id, r.project_id, r.name AS run_name, s.step, s.prompt_id, p.text AS prompt, s.candidate, s.candidates,
       s.role::text AS role, s.subtask, s.benchmark, s.blob_sha256, s.gen_log_lik, s.generation_prompt, s.source_path, b.media_type, b.width, b.height
     FROM samples s JOIN runs r ON r.id = s.run_id JOIN prompts p ON p.id = s.prompt_id LEFT JOIN blobs b ON b.sha256 = s.blob_sha256
     WHERE s.id = $1::bigint`,
    [id],
  );
  return row ?? null;
}

export type TJudgmentDetailRow = {
  kind: "self" | "external" | "human";
  judge: string;
  judge_step: number;
  verdict: number | null;
  prob: number | null;
  score: number | null;
  response: string | null;
  reason: string | null;
  annotator_id: string | null;
  annotator_name: string | null;
};

export async function findSampleJudgments(id: string): Promise<TJudgmentDetailRow[]> {
  const { sql } = await getDb();
  return sql.query<TJudgmentDetailRow>(
    `SELECT j.kind::text AS kind, j.judge, j.judge_step, j.verdict::int AS verdict, j.prob, j.score, j.response, j.reason, j.annotator_id,
       coalesce(u.name, u.email) AS annotator_name
     FROM judgments j LEFT JOIN users u ON u.id = j.annotator_id WHERE j.sample_id = $1::bigint
     ORDER BY j.kind, j.judge_step, j.judge LIMIT 500`,
    [id],
  );
}

export type TTimelineRow = { id: string; run_id: string; step: number; blob_sha256: string | null; self_verdict: number | null; ext_verdict: number | null };

const TIMELINE_COLUMNS = `s.id::text AS id, s.run_id, s.step, s.blob_sha256, js.verdict::int AS self_verdict,
  (SELECT j.verdict::int FROM judgments j WHERE j.sample_id = s.id AND j.kind = 'external' ORDER BY j.judge LIMIT 1) AS ext_verdict`;
const OWN_SELF = `LEFT JOIN judgments js ON js.sample_id = s.id AND js.kind = 'self' AND js.judge = 'self' AND js.judge_step = s.step`;

/** The same prompt and candidate at every checkpoint of the run, with its own self and external verdicts. */
export async function findPromptTimeline(runId: string, promptId: string, candidate: number): Promise<TTimelineRow[]> {
  const { sql } = await getDb();
  return sql.query<TTimelineRow>(
    `SELECT ${TIMELINE_COLUMNS} FROM samples s ${OWN_SELF}
     WHERE s.prompt_id = $1::uuid AND s.run_id = $2::uuid AND s.candidate = $3 ORDER BY s.step LIMIT 1000`,
    [promptId, runId, candidate],
  );
}

/** The same prompt and candidate at the same step in the project's other runs. */
export async function findSameStepInOtherRuns(
  promptId: string,
  runId: string,
  step: number,
  candidate: number,
): Promise<(TTimelineRow & { run_name: string; project_id: string })[]> {
  const { sql } = await getDb();
  return sql.query(
    `SELECT ${TIMELINE_COLUMNS}, r.name AS run_name, r.project_id FROM samples s JOIN runs r ON r.id = s.run_id ${OWN_SELF}
     WHERE s.prompt_id = $1::uuid AND s.run_id <> $2::uuid AND s.step = $3 AND s.candidate = $4 ORDER BY r.created_at LIMIT 12`,
    [promptId, runId, step, candidate],
  );
}
