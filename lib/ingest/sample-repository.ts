import "server-only";

import { getDb } from "@/lib/db/client";
import type { TSql } from "@/lib/db/sql";
import { judgmentVerdictColumns, type TJudgmentRow, type TSampleRow } from "@/lib/samples/bulk-repository";

// Reads and replacements that idempotent ingestion needs on top of lib/samples/bulk-repository.ts
// (which inserts): the stored rows behind natural keys, and overwrites of the conflicting ones.

export type TStoredSample = {
  id: string;
  step: number;
  promptId: string;
  candidate: number;
  epoch: number | null;
  candidates: number | null;
  imageSha256: string | null;
  role: TSampleRow["role"];
  genLogLik: number | null;
  subtask: string;
};

type TDbSample = {
  subtask: string;
  id: string;
  step: number;
  prompt_id: string;
  candidate: number;
  epoch: number | null;
  candidates: number | null;
  blob_sha256: string | null;
  role: TSampleRow["role"];
  gen_log_lik: number | null;
};

const SAMPLE_COLUMNS = `s.id::text AS id, s.step, s.prompt_id, s.candidate, s.epoch, s.candidates, s.blob_sha256, s.role::text AS role, s.gen_log_lik, s.subtask`;

function toStoredSample(r: TDbSample): TStoredSample {
  return {
    id: r.id,
    step: r.step,
    promptId: r.prompt_id,
    candidate: r.candidate,
    epoch: r.epoch,
    candidates: r.candidates,
    imageSha256: r.blob_sha256,
    role: r.role,
    genLogLik: r.gen_log_lik,
    subtask: r.subtask,
  };
}

export async function findSamplesByKeys(
  tx: TSql,
  runId: string,
  keys: readonly { step: number; promptId: string; candidate: number }[],
): Promise<TStoredSample[]> {
  if (keys.length === 0) return [];
  const rows = await tx.query<TDbSample>(
    `SELECT ${SAMPLE_COLUMNS} FROM unnest($2::int[], $3::uuid[], $4::int[]) AS k(step, prompt_id, candidate)
     JOIN samples s ON s.run_id = $1::uuid AND s.step = k.step AND s.prompt_id = k.prompt_id AND s.candidate = k.candidate`,
    [runId, keys.map((k) => k.step), keys.map((k) => k.promptId), keys.map((k) => k.candidate)],
  );
  return rows.map(toStoredSample);
}

/** Samples of this run by id (ids of other runs are simply not found). */
export async function findSamplesByIds(tx: TSql, runId: string, ids: readonly string[]): Promise<TStoredSample[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query<TDbSample>(`SELECT ${SAMPLE_COLUMNS} FROM samples s WHERE s.run_id = $1::uuid AND s.id = ANY($2::int8[])`, [
    runId,
    [...new Set(ids)],
  ]);
  return rows.map(toStoredSample);
}

export type TListedSampleRow = {
  id: string;
  step: number;
  prompt: string;
  candidate: number;
  benchmark: string;
  subtask: string;
  role: string;
  source_path: string | null;
};

/** One page of a run's samples at a step, in id order after `afterId` (keyset on samples_explorer_idx). */
export async function listSamplesAtStep(runId: string, step: number, afterId: string | null, limit: number): Promise<TListedSampleRow[]> {
  const { sql } = await getDb();
  return sql.query<TListedSampleRow>(
    `SELECT s.id::text AS id, s.step, p.external_id AS prompt, s.candidate, s.benchmark, s.subtask, s.role::text AS role, s.source_path
     FROM samples s JOIN prompts p ON p.id = s.prompt_id
     WHERE s.run_id = $1::uuid AND s.step = $2 AND ($3::int8 IS NULL OR s.id > $3::int8)
     ORDER BY s.id LIMIT $4`,
    [runId, step, afterId, limit],
  );
}

/**
 * Fills in the generation prompt and source path of stored samples that have none (imported before
 * they were recorded, or by a client that did not know them); a stored value is never replaced here.
 */
export async function fillSampleOrigins(
  tx: TSql,
  runId: string,
  rows: readonly { id: string; generationPrompt: string | null; sourcePath: string | null }[],
): Promise<void> {
  const wanted = rows.filter((r) => r.generationPrompt !== null || r.sourcePath !== null);
  if (wanted.length === 0) return;
  await tx.execute(
    `UPDATE samples s SET generation_prompt = coalesce(s.generation_prompt, t.gen_prompt), source_path = coalesce(s.source_path, t.source_path)
     FROM unnest($2::int8[], $3::text[], $4::text[]) AS t(id, gen_prompt, source_path)
     WHERE s.run_id = $1::uuid AND s.id = t.id
       AND ((s.generation_prompt IS NULL AND t.gen_prompt IS NOT NULL) OR (s.source_path IS NULL AND t.source_path IS NOT NULL))`,
    [runId, wanted.map((r) => r.id), wanted.map((r) => r.generationPrompt), wanted.map((r) => r.sourcePath)],
  );
}

export async function updateSamples(tx: TSql, runId: string, rows: readonly (TSampleRow & { id: string })[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(
    `UPDATE samples s SET epoch = t.epoch, candidates = t.candidates, blob_sha256 = t.blob, gen_log_lik = t.loglik, role = t.role::sample_role
     FROM unnest($2::int8[], $3::float8[], $4::int[], $5::char(64)[], $6::float8[], $7::text[]) AS t(id, epoch, candidates, blob, loglik, role)
     WHERE s.run_id = $1::uuid AND s.id = t.id`,
    [
      runId,
      rows.map((r) => r.id),
      rows.map((r) => r.epoch ?? null),
      rows.map((r) => r.candidates ?? null),
      rows.map((r) => r.blobSha256 ?? null),
      rows.map((r) => r.genLogLik ?? null),
      rows.map((r) => r.role),
    ],
  );
}

export type TStoredJudgment = Pick<TJudgmentRow, "sampleId" | "kind" | "judge" | "judgeStep" | "verdict"> & {
  prob: number | null;
  score: number | null;
  response: string | null;
  reason: string | null;
};

export async function findJudgmentsByKeys(
  tx: TSql,
  keys: readonly Pick<TJudgmentRow, "sampleId" | "kind" | "judge" | "judgeStep">[],
): Promise<TStoredJudgment[]> {
  if (keys.length === 0) return [];
  const rows = await tx.query<{
    sample_id: string;
    kind: TJudgmentRow["kind"];
    judge: string;
    judge_step: number;
    verdict: 0 | 1 | null;
    prob: number | null;
    score: number | null;
    response: string | null;
    reason: string | null;
  }>(
    `SELECT j.sample_id::text AS sample_id, j.kind::text AS kind, j.judge, j.judge_step, j.verdict::int AS verdict, j.prob, j.score, j.response, j.reason
     FROM unnest($1::int8[], $2::text[], $3::text[], $4::int[]) AS k(sample_id, kind, judge, judge_step)
     JOIN judgments j ON j.sample_id = k.sample_id AND j.kind = k.kind::judge_kind AND j.judge = k.judge AND j.judge_step = k.judge_step`,
    [keys.map((k) => k.sampleId), keys.map((k) => k.kind), keys.map((k) => k.judge), keys.map((k) => k.judgeStep)],
  );
  return rows.map((r) => ({
    sampleId: r.sample_id,
    kind: r.kind,
    judge: r.judge,
    judgeStep: r.judge_step,
    verdict: r.verdict,
    prob: r.prob,
    score: r.score,
    response: r.response,
    reason: r.reason,
  }));
}

export async function updateJudgments(tx: TSql, rows: readonly TJudgmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(
    `UPDATE judgments j SET verdict = t.verdict, prob = t.prob, score = t.score, response = t.response, reason = t.reason
     FROM unnest($1::int8[], $2::text[], $3::text[], $4::int[], $5::int2[], $6::float8[], $7::float8[], $8::text[], $9::text[])
       AS t(sample_id, kind, judge, judge_step, verdict, prob, score, response, reason)
     WHERE j.sample_id = t.sample_id AND j.kind = t.kind::judge_kind AND j.judge = t.judge AND j.judge_step = t.judge_step`,
    [rows.map((r) => r.sampleId), rows.map((r) => r.kind), rows.map((r) => r.judge), rows.map((r) => r.judgeStep), ...judgmentVerdictColumns(rows)],
  );
}
