import "server-only";

import type { TBatchCounts, TConflict } from "@/lib/api/contracts/common";
import type { TSql } from "@/lib/db/sql";
import { insertJudgmentsReturningKeys, judgmentKey, type TJudgmentRow } from "@/lib/samples/bulk-repository";

import { diffStated } from "./conflicts";
import { findJudgmentsByKeys, updateJudgments } from "./sample-repository";

const JUDGMENT_FIELDS = ["verdict", "prob", "score", "response", "reason"] as const;

export type TJudgmentToWrite = { row: TJudgmentRow; index: number; path: string };

const keyOf = (r: Pick<TJudgmentRow, "sampleId" | "kind" | "judge" | "judgeStep">) => judgmentKey(r.sampleId, r.kind, r.judge, r.judgeStep);

/** Inserts new judgments, compares the rest with what is stored, and replaces conflicting ones on overwrite. */
export async function upsertJudgmentsInTx(
  tx: TSql,
  items: readonly TJudgmentToWrite[],
  overwrite: boolean,
): Promise<{ counts: TBatchCounts; conflicts: TConflict[] }> {
  const inserted = await insertJudgmentsReturningKeys(
    tx,
    items.map((i) => i.row),
  );
  const rest = items.filter((i) => !inserted.has(keyOf(i.row)));
  const stored = new Map(
    (
      await findJudgmentsByKeys(
        tx,
        rest.map((i) => i.row),
      )
    ).map((j) => [keyOf(j), j]),
  );
  const conflicts = rest.flatMap((item) => {
    const before = stored.get(keyOf(item.row));
    return before ? diffStated(item.index, item.path, before, { ...item.row }, JUDGMENT_FIELDS) : [];
  });
  const changedPaths = new Set(conflicts.map((c) => c.path.slice(0, c.path.lastIndexOf("."))));
  const changed = rest.filter((i) => changedPaths.has(i.path));
  if (overwrite)
    await updateJudgments(
      tx,
      changed.map((i) => i.row),
    );
  return { counts: { inserted: inserted.size, unchanged: rest.length - changed.length, updated: overwrite ? changed.length : 0 }, conflicts };
}
