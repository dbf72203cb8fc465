import "server-only";

import type { TSql } from "@/lib/db/sql";

export type TPromptRow = {
  externalId: string;
  text: string;
  benchmark: string;
  subtask: string;
  tier: "easy" | "medium" | "hard" | null;
  split: "train" | "eval" | null;
  spec: unknown;
};
export type TStoredPrompt = TPromptRow & { index: number };
export type TPromptRef = { id: string; externalId: string; subtask: string; benchmark: string };

type TDbPrompt = {
  i: number;
  external_id: string;
  text: string;
  benchmark: string;
  subtask: string;
  tier: TPromptRow["tier"];
  split: TPromptRow["split"];
  spec: unknown;
};

function columns(prompts: readonly TPromptRow[]) {
  return [
    prompts.map((p) => p.externalId),
    prompts.map((p) => p.text),
    prompts.map((p) => p.benchmark),
    prompts.map((p) => p.subtask),
    prompts.map((p) => p.tier),
    prompts.map((p) => p.split),
    prompts.map((p) => (p.spec === undefined || p.spec === null ? null : JSON.stringify(p.spec))),
  ];
}

const UNNEST = `unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`;

/** Inserts new prompts (key: project, externalId) and returns the ones that existed before, by batch index. */
export async function insertPromptsReturningExisting(
  tx: TSql,
  projectId: string,
  prompts: readonly TPromptRow[],
): Promise<{ inserted: number; existing: TStoredPrompt[] }> {
  if (prompts.length === 0) return { inserted: 0, existing: [] };
  const rows = await tx.query<TDbPrompt & { n: number }>(
    `WITH input AS (
       SELECT e, t, b, s, tier, split, spec, (ord - 1)::int AS i FROM ${UNNEST} WITH ORDINALITY AS x(e, t, b, s, tier, split, spec, ord)
     ), inserted AS (
       INSERT INTO prompts (project_id, external_id, text, benchmark, subtask, tier, split, spec)
       SELECT $1::uuid, e, t, b, s, tier::difficulty_tier, split::prompt_split, spec::jsonb FROM input
       ON CONFLICT (project_id, external_id) DO NOTHING RETURNING 1
     )
     SELECT -1 AS i, NULL AS external_id, NULL AS text, NULL AS benchmark, NULL AS subtask, NULL AS tier, NULL AS split, NULL::jsonb AS spec,
       (SELECT count(*) FROM inserted)::int AS n
     UNION ALL
     SELECT input.i, p.external_id, p.text, p.benchmark, p.subtask, p.tier::text, p.split::text, p.spec, 0
     FROM input JOIN prompts p ON p.project_id = $1::uuid AND p.external_id = input.e`,
    [projectId, ...columns(prompts)],
  );
  const [head, ...existing] = rows;
  return {
    inserted: head?.n ?? 0,
    existing: existing.map((r) => ({
      index: r.i,
      externalId: r.external_id,
      text: r.text,
      benchmark: r.benchmark,
      subtask: r.subtask,
      tier: r.tier,
      split: r.split,
      spec: r.spec,
    })),
  };
}

export async function updatePrompts(tx: TSql, projectId: string, prompts: readonly TPromptRow[]): Promise<void> {
  if (prompts.length === 0) return;
  await tx.execute(
    `UPDATE prompts p SET text = x.t, benchmark = x.b, subtask = x.s, tier = x.tier::difficulty_tier, split = x.split::prompt_split, spec = x.spec::jsonb
     FROM ${UNNEST} AS x(e, t, b, s, tier, split, spec) WHERE p.project_id = $1::uuid AND p.external_id = x.e`,
    [projectId, ...columns(prompts)],
  );
}

export async function findPromptsByExternalIds(tx: TSql, projectId: string, externalIds: readonly string[]): Promise<Map<string, TPromptRef>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx.query<{ id: string; external_id: string; subtask: string; benchmark: string }>(
    `SELECT id, external_id, subtask, benchmark FROM prompts WHERE project_id = $1::uuid AND external_id = ANY($2::text[])`,
    [projectId, [...new Set(externalIds)]],
  );
  return new Map(rows.map((r) => [r.external_id, { id: r.id, externalId: r.external_id, subtask: r.subtask, benchmark: r.benchmark }]));
}
