import "server-only";

import { getDb } from "@/lib/db/client";
import type { TSql } from "@/lib/db/sql";
import { judgeOfSampleSql } from "@/lib/metrics/external-judges";

import type { TCandidate } from "./recipe";

// The only SQL of datasets: a round's candidates with their three verdicts (one row per image), and
// the immutable dataset rows. Built sets are inserted once per content hash (ON CONFLICT DO NOTHING),
// so two identical builds at once give one dataset.

export type TCandidateFilter = {
  runId: string;
  step: number;
  roles: readonly string[];
  benchmarks: readonly string[] | null;
  subtasks: readonly string[] | null;
  promptIds: readonly string[] | null;
};

// One packed row per prompt ("id,candidate,self,prob,external,human;…", empty for null): the driver
// then parses 6,000 short rows instead of 60,000 rows × 9 columns (most of a preview's time at the
// paper's scale, in npm run bench:datasets). Every packed field is a number.
const CANDIDATES_SQL = `
SELECT s.prompt_id, s.subtask, s.benchmark,
  string_agg(s.id || ',' || s.candidate || ',' || coalesce(sj.verdict::text, '') || ',' || coalesce(sj.prob::text, '') || ',' || coalesce(ej.verdict::text, '') || ',' || coalesce(hj.verdict::text, ''), ';') AS packed
FROM samples s
LEFT JOIN judgments sj ON sj.sample_id = s.id AND sj.kind = 'self' AND sj.judge = 'self' AND sj.judge_step = s.step
LEFT JOIN judgments ej ON ej.sample_id = s.id AND ej.kind = 'external' AND ej.judge_step = -1 AND ej.judge = (${judgeOfSampleSql("$6", "s")})
LEFT JOIN LATERAL (
  SELECT CASE WHEN count(*) FILTER (WHERE h.verdict = 1) > count(*) FILTER (WHERE h.verdict = 0) THEN 1
              WHEN count(*) FILTER (WHERE h.verdict = 0) > count(*) FILTER (WHERE h.verdict = 1) THEN 0 END AS verdict
  FROM judgments h WHERE h.sample_id = s.id AND h.kind = 'human'
) hj ON true
WHERE s.run_id = $1::uuid AND s.step = $2 AND s.role::text = ANY($3::text[])
  AND ($4::text[] IS NULL OR s.benchmark = ANY($4::text[]))
  AND ($5::text[] IS NULL OR s.subtask = ANY($5::text[]))
  AND ($7::uuid[] IS NULL OR s.prompt_id = ANY($7::uuid[]))
GROUP BY s.prompt_id, s.subtask, s.benchmark`;

type TCandidateRow = { prompt_id: string; subtask: string; benchmark: string; packed: string };
const bit = (v: string) => (v === "" ? null : Number(v) === 1 ? 1 : 0);

/** Every candidate of the filter with its self verdict (the round's own), its benchmark's external verdict and the annotators' majority. */
export async function listCandidates(filter: TCandidateFilter, externalJudges: Readonly<Record<string, string>>): Promise<TCandidate[]> {
  const { sql } = await getDb();
  const rows = await sql.query<TCandidateRow>(CANDIDATES_SQL, [
    filter.runId,
    filter.step,
    [...filter.roles],
    filter.benchmarks ? [...filter.benchmarks] : null,
    filter.subtasks ? [...filter.subtasks] : null,
    JSON.stringify(externalJudges),
    filter.promptIds ? [...filter.promptIds] : null,
  ]);
  const candidates: TCandidate[] = [];
  for (const r of rows) {
    for (const packed of r.packed.split(";")) {
      const [id, candidate, selfVerdict, selfProb, external, human] = packed.split(",") as [string, string, string, string, string, string];
      candidates.push({
        sampleId: id,
        promptId: r.prompt_id,
        subtask: r.subtask,
        benchmark: r.benchmark,
        candidate: Number(candidate),
        self: { verdict: bit(selfVerdict), prob: selfProb === "" ? null : Number(selfProb) },
        external: bit(external),
        human: bit(human),
      });
    }
  }
  return candidates;
}

/** The non-evaluation samples of a step, per role (is there anything to build from?). */
export async function countTrainingSamples(runId: string, step: number): Promise<number> {
  const { sql } = await getDb();
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM samples WHERE run_id = $1::uuid AND step = $2 AND role <> 'eval'`, [
    runId,
    step,
  ]);
  return Number(row?.n ?? 0);
}

export async function findPrecisionThreshold(projectId: string): Promise<number | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<{ t: number }>(`SELECT precision_threshold AS t FROM dataset_settings WHERE project_id = $1::uuid`, [projectId]);
  return row ? Number(row.t) : null;
}

export type TNewDataset = {
  projectId: string;
  name: string;
  kind: "sft" | "dpo";
  sourceRunId: string;
  sourceStep: number;
  previousId: string | null;
  round: number;
  recipe: unknown;
  resolvedRecipe: unknown;
  judge: string;
  counts: unknown;
  gate: unknown;
  atRisk: boolean;
  riskReasons: string[];
  acknowledged: boolean;
  ledger: unknown;
  contentHash: string;
  createdById: string | null;
  items: { sampleId: string; rejectedSampleId: string | null; promptId: string; round: number }[];
  pool: string[];
};

/** Inserts the dataset with its items and pool unless one with this content hash exists; returns its id and whether it is new. */
export async function insertDatasetOnce(tx: TSql, d: TNewDataset): Promise<{ id: string; created: boolean }> {
  const [inserted] = await tx.query<{ id: string }>(
    `INSERT INTO datasets (project_id, name, kind, source_run_id, source_step, previous_id, round, recipe, resolved_recipe, judge, item_count, pool_count, counts, gate, at_risk, risk_reasons, risk_acknowledged_at, ledger, content_hash, created_by_id)
     VALUES ($1::uuid, $2, $3::dataset_kind, $4::uuid, $5, $6::uuid, $7, $8::jsonb, $9::jsonb, $10, $11, $12, $13::jsonb, $14::jsonb, $15, $16::text[], CASE WHEN $17 THEN now() END, $18::jsonb, $19, $20::uuid)
     ON CONFLICT (project_id, content_hash) DO NOTHING RETURNING id`,
    [
      d.projectId,
      d.name,
      d.kind,
      d.sourceRunId,
      d.sourceStep,
      d.previousId,
      d.round,
      JSON.stringify(d.recipe),
      JSON.stringify(d.resolvedRecipe),
      d.judge,
      d.items.length,
      d.pool.length,
      JSON.stringify(d.counts),
      JSON.stringify(d.gate),
      d.atRisk,
      d.riskReasons,
      d.acknowledged,
      JSON.stringify(d.ledger),
      d.contentHash,
      d.createdById,
    ],
  );
  if (!inserted) {
    const [existing] = await tx.query<{ id: string }>(`SELECT id FROM datasets WHERE project_id = $1::uuid AND content_hash = $2`, [
      d.projectId,
      d.contentHash,
    ]);
    return { id: existing!.id, created: false };
  }
  await tx.execute(
    `INSERT INTO dataset_items (dataset_id, position, sample_id, rejected_sample_id, prompt_id, round)
     SELECT $1::uuid, ord - 1, s::bigint, r::bigint, p::uuid, rd FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) WITH ORDINALITY AS x(s, r, p, rd, ord)`,
    [inserted.id, d.items.map((i) => i.sampleId), d.items.map((i) => i.rejectedSampleId), d.items.map((i) => i.promptId), d.items.map((i) => i.round)],
  );
  await tx.execute(`INSERT INTO dataset_pool_prompts (dataset_id, prompt_id) SELECT $1::uuid, p::uuid FROM unnest($2::text[]) AS x(p)`, [inserted.id, d.pool]);
  return { id: inserted.id, created: true };
}

export type TDatasetRow = {
  id: string;
  projectId: string;
  name: string;
  kind: "sft" | "dpo";
  sourceRunId: string;
  sourceRunName: string;
  sourceStep: number;
  previousId: string | null;
  round: number;
  recipe: unknown;
  resolvedRecipe: unknown;
  judge: string;
  itemCount: number;
  poolCount: number;
  counts: unknown;
  gate: unknown;
  atRisk: boolean;
  riskReasons: string[];
  riskAcknowledgedAt: string | null;
  ledger: unknown;
  contentHash: string;
  createdById: string | null;
  createdAt: string;
};

const DATASET_COLUMNS = `d.id, d.project_id, d.name, d.kind, d.source_run_id, r.name AS source_run_name, d.source_step, d.previous_id, d.round, d.recipe, d.resolved_recipe, d.judge, d.item_count, d.pool_count, d.counts, d.gate, d.at_risk, d.risk_reasons, d.risk_acknowledged_at, d.ledger, d.content_hash, d.created_by_id, d.created_at`;

type TRaw = Record<string, unknown>;
const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
function toDataset(r: TRaw): TDatasetRow {
  return {
    id: r.id as string,
    projectId: r.project_id as string,
    name: r.name as string,
    kind: r.kind as "sft" | "dpo",
    sourceRunId: r.source_run_id as string,
    sourceRunName: r.source_run_name as string,
    sourceStep: Number(r.source_step),
    previousId: (r.previous_id as string | null) ?? null,
    round: Number(r.round),
    recipe: json(r.recipe),
    resolvedRecipe: json(r.resolved_recipe),
    judge: r.judge as string,
    itemCount: Number(r.item_count),
    poolCount: Number(r.pool_count),
    counts: json(r.counts),
    gate: json(r.gate),
    atRisk: Boolean(r.at_risk),
    riskReasons: (r.risk_reasons as string[]) ?? [],
    riskAcknowledgedAt: iso(r.risk_acknowledged_at),
    ledger: json(r.ledger),
    contentHash: String(r.content_hash),
    createdById: (r.created_by_id as string | null) ?? null,
    createdAt: iso(r.created_at)!,
  };
}

export async function findDataset(id: string): Promise<TDatasetRow | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<TRaw>(`SELECT ${DATASET_COLUMNS} FROM datasets d JOIN runs r ON r.id = d.source_run_id WHERE d.id = $1::uuid`, [id]);
  return row ? toDataset(row) : null;
}

export async function listProjectDatasets(projectId: string): Promise<TDatasetRow[]> {
  const { sql } = await getDb();
  const rows = await sql.query<TRaw>(
    `SELECT ${DATASET_COLUMNS} FROM datasets d JOIN runs r ON r.id = d.source_run_id WHERE d.project_id = $1::uuid ORDER BY d.created_at DESC, d.id LIMIT 500`,
    [projectId],
  );
  return rows.map(toDataset);
}

export async function listPoolPrompts(
  datasetId: string,
): Promise<{ id: string; externalId: string; text: string; benchmark: string; subtask: string; spec: unknown }[]> {
  const { sql } = await getDb();
  const rows = await sql.query<TRaw>(
    `SELECT p.id, p.external_id, p.text, p.benchmark, p.subtask, p.spec FROM dataset_pool_prompts d JOIN prompts p ON p.id = d.prompt_id WHERE d.dataset_id = $1::uuid ORDER BY p.external_id`,
    [datasetId],
  );
  return rows.map((r) => ({
    id: r.id as string,
    externalId: r.external_id as string,
    text: r.text as string,
    benchmark: r.benchmark as string,
    subtask: r.subtask as string,
    spec: json(r.spec) ?? null,
  }));
}

/** Items of a dataset in order (prompt ids for the next round's bookkeeping). */
export async function listItemRefs(datasetId: string): Promise<{ sampleId: string; rejectedSampleId: string | null; promptId: string; round: number }[]> {
  const { sql } = await getDb();
  const rows = await sql.query<TRaw>(
    `SELECT sample_id::text AS s, rejected_sample_id::text AS r, prompt_id AS p, round FROM dataset_items WHERE dataset_id = $1::uuid ORDER BY position`,
    [datasetId],
  );
  return rows.map((r) => ({ sampleId: r.s as string, rejectedSampleId: (r.r as string | null) ?? null, promptId: r.p as string, round: Number(r.round) }));
}
