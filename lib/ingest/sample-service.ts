import "server-only";

import type { TBatchCounts, TConflict } from "@/lib/api/contracts/common";
import type { TLogSamplesRequest, TSampleInput } from "@/lib/api/contracts/samples";
import type { TActor } from "@/lib/auth/actor";
import type { TSql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { lockRunWrites } from "@/lib/runs/write-lock-repository";
import { insertSamples, sampleKey, upsertCheckpoints, type TSampleRow } from "@/lib/samples/bulk-repository";

import { afterSamplesIngested } from "./after-ingest";
import { conflictError, diffStated } from "./conflicts";
import { toJudgmentRow } from "./judgment-rows";
import { upsertJudgmentsInTx, type TJudgmentToWrite } from "./judgment-upsert";
import { findPromptsByExternalIds, type TPromptRef } from "./prompt-repository";
import { upsertPromptsInTx } from "./prompt-service";
import { assertImagesUploaded, assertJudgeRuns } from "./reference-checks";
import { requireRun } from "./run-service";
import { inlinePrompts, promptExternalId, unresolvedError, validateSampleBatch } from "./sample-batch";
import { fillSampleOrigins, findSamplesByKeys, updateSamples } from "./sample-repository";

const SAMPLE_FIELDS = ["epoch", "candidates", "imageSha256", "role", "genLogLik"] as const;

export type TLogSamplesResult = { samples: TBatchCounts; judgments: TBatchCounts; prompts: TBatchCounts; sampleIds: string[] };

/**
 * Logs samples with their judgments, atomically: inline prompts are registered, samples and
 * judgments inserted or compared with what is stored under their natural keys, checkpoints recorded.
 * Any conflict (without overwrite) rolls the whole batch back and lists every differing field.
 */
export async function logSamples(actor: TActor, runId: string, request: TLogSamplesRequest, overwrite: boolean): Promise<TLogSamplesResult> {
  const run = await requireRun(actor, runId, "editor");
  const { samples } = request;
  validateSampleBatch(samples);
  await assertImagesUploaded(samples.map((s, i) => ({ sha256: s.imageSha256, path: `samples.${i}.imageSha256` })));
  await assertJudgeRuns(
    run.projectId,
    samples.flatMap((s, i) => s.judgments.map((judgment, k) => ({ judgment, path: `samples.${i}.judgments.${k}` }))),
  );

  const result = await withTransaction(async (tx) => {
    await lockRunWrites(tx, run.id);
    const inline = inlinePrompts(samples);
    const prompts = await upsertPromptsInTx(
      tx,
      run.projectId,
      inline.map((p) => p.prompt),
      (k) => ({ index: inline[k]!.sampleIndex, path: `samples.${inline[k]!.sampleIndex}.prompt` }),
      overwrite,
    );
    const refs = await resolvePrompts(tx, run.projectId, samples);
    const rows: TSampleRow[] = samples.map((s, i) => toSampleRow(s, refs[i]!));
    const written = await upsertSamples(tx, run.id, samples, rows, overwrite);
    const judgments: TJudgmentToWrite[] = samples.flatMap((s, i) =>
      s.judgments.map((j, k) => ({
        row: toJudgmentRow(j, { id: written.ids[i]!, step: s.step, subtask: rows[i]!.subtask }, run.id),
        index: i,
        path: `samples.${i}.judgments.${k}`,
      })),
    );
    const judged = await upsertJudgmentsInTx(tx, judgments, overwrite);
    const conflicts = [...prompts.conflicts, ...written.conflicts, ...judged.conflicts];
    if (conflicts.length > 0 && !overwrite) throw conflictError("fields", conflicts);
    await upsertCheckpoints(
      tx,
      run.id,
      rows.map((r) => ({ step: r.step, epoch: r.epoch })),
    );
    return { samples: written.counts, judgments: judged.counts, prompts: prompts.counts, sampleIds: written.ids };
  });
  await afterSamplesIngested(run.id);
  return result;
}

async function resolvePrompts(tx: TSql, projectId: string, samples: readonly TSampleInput[]): Promise<TPromptRef[]> {
  const found = await findPromptsByExternalIds(tx, projectId, samples.map(promptExternalId));
  const unknown = samples.flatMap((s, i) =>
    found.has(promptExternalId(s)) ? [] : [{ path: `samples.${i}.prompt`, message: `no prompt "${promptExternalId(s)}" in this project` }],
  );
  if (unknown.length > 0)
    throw unresolvedError(`${unknown.length} samples name unregistered prompts; register them (POST /api/v1/prompts) or send them inline`, unknown);
  return samples.map((s) => found.get(promptExternalId(s))!);
}

function toSampleRow(s: TSampleInput, prompt: TPromptRef): TSampleRow {
  return {
    step: s.step,
    epoch: s.epoch ?? null,
    promptId: prompt.id,
    subtask: prompt.subtask,
    benchmark: prompt.benchmark,
    candidate: s.candidate,
    candidates: s.candidates ?? null,
    blobSha256: s.imageSha256 ?? null,
    genLogLik: s.genLogLik ?? null,
    role: s.role ?? "eval",
    generationPrompt: s.generationPrompt ?? null,
    sourcePath: s.sourcePath ?? null,
  };
}

async function upsertSamples(tx: TSql, runId: string, samples: readonly TSampleInput[], rows: readonly TSampleRow[], overwrite: boolean) {
  const inserted = await insertSamples(tx, runId, rows);
  const keyOf = (r: { step: number; promptId: string; candidate: number }) => sampleKey(r.step, r.promptId, r.candidate);
  const rest = rows.flatMap((row, index) => (inserted.has(keyOf(row)) ? [] : [{ row, index }]));
  const stored = new Map(
    (
      await findSamplesByKeys(
        tx,
        runId,
        rest.map((r) => r.row),
      )
    ).map((s) => [keyOf(s), s]),
  );
  const conflicts: TConflict[] = rest.flatMap(({ row, index }) =>
    diffStated(index, `samples.${index}`, stored.get(keyOf(row))!, { ...samples[index]! }, SAMPLE_FIELDS),
  );
  const changed = new Set(conflicts.map((c) => c.index));
  if (overwrite)
    await updateSamples(
      tx,
      runId,
      rest.filter((r) => changed.has(r.index)).map((r) => ({ ...r.row, id: stored.get(keyOf(r.row))!.id })),
    );
  await fillSampleOrigins(
    tx,
    runId,
    rest.map(({ row }) => ({ id: stored.get(keyOf(row))!.id, generationPrompt: row.generationPrompt ?? null, sourcePath: row.sourcePath ?? null })),
  );
  const ids = rows.map((row) => inserted.get(keyOf(row)) ?? stored.get(keyOf(row))!.id);
  const counts = { inserted: inserted.size, unchanged: rest.length - changed.size, updated: overwrite ? changed.size : 0 };
  return { ids: ids.map(String), counts, conflicts };
}
