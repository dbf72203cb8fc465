import "server-only";

import type { TBatchCounts, TConflict } from "@/lib/api/contracts/common";
import type { TPromptInput, TRegisterPromptsRequest } from "@/lib/api/contracts/prompts";
import type { TActor } from "@/lib/auth/actor";
import type { TSql } from "@/lib/db/sql";
import { withTransaction } from "@/lib/db/transaction";

import { assertUniqueKeys, conflictError, diffStated } from "./conflicts";
import { resolveProject } from "./project-scope";
import { insertPromptsReturningExisting, updatePrompts, type TPromptRow } from "./prompt-repository";

const PROMPT_FIELDS = ["text", "benchmark", "subtask", "tier", "split", "spec"] as const;

function toRow(p: TPromptInput): TPromptRow {
  return {
    externalId: p.externalId,
    text: p.text,
    benchmark: p.benchmark ?? "",
    subtask: p.subtask ?? "",
    tier: p.tier ?? null,
    split: p.split ?? null,
    spec: p.spec ?? null,
  };
}

/**
 * Upserts prompts inside the caller's transaction. Fields the client left out are not compared;
 * `locate` places each prompt in the request (batch index and path) for conflict reports.
 */
export async function upsertPromptsInTx(
  tx: TSql,
  projectId: string,
  prompts: readonly TPromptInput[],
  locate: (i: number) => { index: number; path: string },
  overwrite: boolean,
): Promise<{ counts: TBatchCounts; conflicts: TConflict[] }> {
  const rows = prompts.map(toRow);
  const { inserted, existing } = await insertPromptsReturningExisting(tx, projectId, rows);
  const diffs = existing.map((stored) => {
    const { index, path } = locate(stored.index);
    return { stored, conflicts: diffStated(index, path, stored, { ...prompts[stored.index]! }, PROMPT_FIELDS) };
  });
  const changed = diffs.filter((d) => d.conflicts.length > 0);
  if (overwrite)
    await updatePrompts(
      tx,
      projectId,
      changed.map((d) => ({ ...d.stored, ...stated(prompts[d.stored.index]!) })),
    );
  // Counted from the total: a row a concurrent batch inserted first is neither new here nor in our snapshot.
  const counts = { inserted, unchanged: rows.length - inserted - changed.length, updated: overwrite ? changed.length : 0 };
  return { counts, conflicts: changed.flatMap((d) => d.conflicts) };
}

/** Only what the client said: an overwrite replaces stated fields and keeps the rest. */
function stated(p: TPromptInput): Partial<TPromptRow> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Partial<TPromptRow>;
}

export async function registerPrompts(actor: TActor, request: TRegisterPromptsRequest, overwrite: boolean): Promise<TBatchCounts> {
  const project = await resolveProject(actor, request.project, "editor");
  assertUniqueKeys(request.prompts, (p) => p.externalId, "prompts", "externalId");
  return withTransaction(async (tx) => {
    const { counts, conflicts } = await upsertPromptsInTx(tx, project.id, request.prompts, (i) => ({ index: i, path: `prompts.${i}` }), overwrite);
    if (conflicts.length > 0 && !overwrite) throw conflictError("prompts", conflicts);
    return counts;
  });
}
