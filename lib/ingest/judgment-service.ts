import "server-only";

import type { TBatchCounts } from "@/lib/api/contracts/common";
import type { TAddJudgmentsRequest, TSampleRef } from "@/lib/api/contracts/samples";
import type { TActor } from "@/lib/auth/actor";
import type { TSql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";
import { lockRunWrites } from "@/lib/runs/write-lock-repository";
import { judgmentKey } from "@/lib/samples/bulk-repository";

import { afterSamplesIngested } from "./after-ingest";
import { assertUniqueKeys, conflictError } from "./conflicts";
import { toJudgmentRow } from "./judgment-rows";
import { upsertJudgmentsInTx } from "./judgment-upsert";
import { findPromptsByExternalIds } from "./prompt-repository";
import { assertJudgeRuns } from "./reference-checks";
import { requireRun } from "./run-service";
import { unresolvedError } from "./sample-batch";
import { findSamplesByIds, findSamplesByKeys, type TStoredSample } from "./sample-repository";

/**
 * Adds judgments to samples that exist already (external judges often run after training), by
 * sample id or natural key. Same idempotency and atomicity as every other batch.
 */
export async function addJudgments(actor: TActor, runId: string, request: TAddJudgmentsRequest, overwrite: boolean): Promise<TBatchCounts> {
  const run = await requireRun(actor, runId, "editor");
  await assertJudgeRuns(
    run.projectId,
    request.judgments.map((judgment, i) => ({ judgment, path: `judgments.${i}` })),
  );
  const counts = await withTransaction(async (tx) => {
    await lockRunWrites(tx, run.id);
    const samples = await resolveSamples(
      tx,
      run.id,
      run.projectId,
      request.judgments.map((j) => j.sample),
    );
    const items = request.judgments.map((j, i) => ({ row: toJudgmentRow(j, samples[i]!, run.id), index: i, path: `judgments.${i}` }));
    assertUniqueKeys(items, (i) => judgmentKey(i.row.sampleId, i.row.kind, i.row.judge, i.row.judgeStep), "judgments", "sample, kind, judge and judgeStep");
    const { counts, conflicts } = await upsertJudgmentsInTx(tx, items, overwrite);
    if (conflicts.length > 0 && !overwrite) throw conflictError("judgments", conflicts);
    return counts;
  });
  await afterSamplesIngested(run.id);
  return counts;
}

async function resolveSamples(tx: TSql, runId: string, projectId: string, refs: readonly TSampleRef[]): Promise<TStoredSample[]> {
  const byId = new Map(
    (
      await findSamplesByIds(
        tx,
        runId,
        refs.flatMap((r) => ("id" in r ? [r.id] : [])),
      )
    ).map((s) => [s.id, s]),
  );
  const keyed = refs.flatMap((r) => ("id" in r ? [] : [r]));
  const prompts = await findPromptsByExternalIds(
    tx,
    projectId,
    keyed.map((r) => r.prompt),
  );
  const keys = keyed.flatMap((r) => {
    const prompt = prompts.get(r.prompt);
    return prompt ? [{ step: r.step, promptId: prompt.id, candidate: r.candidate }] : [];
  });
  const byKey = new Map((await findSamplesByKeys(tx, runId, keys)).map((s) => [`${s.step}|${s.promptId}|${s.candidate}`, s]));
  const resolved = refs.map((r) => ("id" in r ? byId.get(r.id) : byKey.get(`${r.step}|${prompts.get(r.prompt)?.id}|${r.candidate}`)));
  const missing = resolved.flatMap((s, i) => (s ? [] : [{ path: `judgments.${i}.sample`, message: "no such sample in this run" }]));
  if (missing.length > 0) throw unresolvedError(`${missing.length} judgments name samples this run does not have`, missing);
  return resolved as TStoredSample[];
}
