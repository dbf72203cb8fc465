import "server-only";

import { getDb } from "@/lib/db/client";

// A page of a dataset's items with what the export writes per row: prompt, both images' blobs and
// verdicts (the round's self verdict, the benchmark's external judge from the resolved recipe).

export type TExportImage = {
  sampleId: string;
  candidate: number;
  sha256: string | null;
  mediaType: string | null;
  selfVerdict: number | null;
  selfProb: number | null;
  externalVerdict: number | null;
};
export type TExportRow = {
  position: number;
  promptId: string;
  promptExternalId: string;
  prompt: string;
  benchmark: string;
  subtask: string;
  round: number;
  chosen: TExportImage;
  rejected: TExportImage | null;
};

const IMAGE = (a: string) => `${a}.id::text AS ${a}_id, ${a}.candidate AS ${a}_candidate, ${a}.blob_sha256 AS ${a}_sha, ${a}b.media_type AS ${a}_media,
  (SELECT j.verdict FROM judgments j WHERE j.sample_id = ${a}.id AND j.kind = 'self' AND j.judge = 'self' AND j.judge_step = ${a}.step) AS ${a}_self,
  (SELECT j.prob FROM judgments j WHERE j.sample_id = ${a}.id AND j.kind = 'self' AND j.judge = 'self' AND j.judge_step = ${a}.step) AS ${a}_prob,
  (SELECT j.verdict FROM judgments j WHERE j.sample_id = ${a}.id AND j.kind = 'external' AND j.judge_step = -1 AND j.judge = coalesce(d.resolved_recipe -> 'externalJudges' ->> (${a}.benchmark || '/' || ${a}.subtask), d.resolved_recipe -> 'externalJudges' ->> ${a}.benchmark)) AS ${a}_ext`;

// The page of items is cut first (the primary key walks it), then joined: a built set's fresh rows
// have no statistics yet, and a planner that guesses 51 rows would otherwise join every later item
// and sort them for each page (quadratic in the set's size; seen in npm run bench:datasets).
const PAGE_SQL = `
SELECT i.position, i.round, p.id AS prompt_id, p.external_id, p.text, p.benchmark, p.subtask, ${IMAGE("c")}, ${IMAGE("r")}
FROM (SELECT * FROM dataset_items WHERE dataset_id = $1::uuid AND position > $2 ORDER BY position LIMIT $3) i
JOIN datasets d ON d.id = i.dataset_id
JOIN prompts p ON p.id = i.prompt_id
JOIN samples c ON c.id = i.sample_id
LEFT JOIN blobs cb ON cb.sha256 = c.blob_sha256
LEFT JOIN samples r ON r.id = i.rejected_sample_id
LEFT JOIN blobs rb ON rb.sha256 = r.blob_sha256
ORDER BY i.position`;

type TRaw = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
function image(r: TRaw, a: "c" | "r"): TExportImage | null {
  if (r[`${a}_id`] === null || r[`${a}_id`] === undefined) return null;
  return {
    sampleId: r[`${a}_id`] as string,
    candidate: Number(r[`${a}_candidate`]),
    sha256: (r[`${a}_sha`] as string | null)?.trim() ?? null,
    mediaType: (r[`${a}_media`] as string | null) ?? null,
    selfVerdict: num(r[`${a}_self`]),
    selfProb: num(r[`${a}_prob`]),
    externalVerdict: num(r[`${a}_ext`]),
  };
}

/** Items after `afterPosition`, at most `limit`, in order (keyset paging: the export never holds the whole set). */
export async function listExportPage(datasetId: string, afterPosition: number, limit: number): Promise<TExportRow[]> {
  const { sql } = await getDb();
  const rows = await sql.query<TRaw>(PAGE_SQL, [datasetId, afterPosition, limit]);
  return rows.map((r) => ({
    position: Number(r.position),
    round: Number(r.round),
    promptId: r.prompt_id as string,
    promptExternalId: r.external_id as string,
    prompt: r.text as string,
    benchmark: r.benchmark as string,
    subtask: r.subtask as string,
    chosen: image(r, "c")!,
    rejected: image(r, "r"),
  }));
}

/** A page of the export: each item's JSONL line, built by the database, and the images it names. */
type TLineImage = { sampleId: string; sha256: string | null; fileName: string | null };
export type TExportLine = { position: number; line: string; chosen: TLineImage; rejected: TLineImage | null };

const fileNameSql = (a: string) =>
  `'images/' || trim(${a}.blob_sha256) || '.' || CASE ${a}b.media_type WHEN 'image/png' THEN 'png' WHEN 'image/jpeg' THEN 'jpg' WHEN 'image/webp' THEN 'webp' ELSE 'bin' END`;
const verdictJoins = (a: string) => `
LEFT JOIN judgments ${a}s ON ${a}s.sample_id = ${a}.id AND ${a}s.kind = 'self' AND ${a}s.judge = 'self' AND ${a}s.judge_step = ${a}.step
LEFT JOIN judgments ${a}e ON ${a}e.sample_id = ${a}.id AND ${a}e.kind = 'external' AND ${a}e.judge_step = -1
  AND ${a}e.judge = coalesce(d.resolved_recipe -> 'externalJudges' ->> (${a}.benchmark || '/' || ${a}.subtask), d.resolved_recipe -> 'externalJudges' ->> ${a}.benchmark)`;

// The lines as the trainer reads them (sft.jsonl / metadata.jsonl: the imagefolder columns; dpo.jsonl:
// diffusers' Diffusion-DPO columns), built by json_build_object so the app only writes text. The
// page of items is cut first, as in PAGE_SQL.
const SFT_LINES_SQL = `
SELECT i.position, c.id::text AS c_id, trim(c.blob_sha256) AS c_sha, ${fileNameSql("c")} AS c_file,
  json_build_object('file_name', ${fileNameSql("c")}, 'prompt', p.text, 'prompt_id', p.external_id, 'benchmark', p.benchmark, 'subtask', p.subtask,
    'round', i.round, 'candidate', c.candidate, 'self_verdict', cs.verdict, 'self_prob', cs.prob, 'external_verdict', ce.verdict, 'sample_id', c.id::text)::text AS line
FROM (SELECT * FROM dataset_items WHERE dataset_id = $1::uuid AND position > $2 ORDER BY position LIMIT $3) i
JOIN datasets d ON d.id = i.dataset_id
JOIN prompts p ON p.id = i.prompt_id
JOIN samples c ON c.id = i.sample_id
LEFT JOIN blobs cb ON cb.sha256 = c.blob_sha256
${verdictJoins("c")}
ORDER BY i.position`;

const DPO_LINES_SQL = `
SELECT i.position, c.id::text AS c_id, trim(c.blob_sha256) AS c_sha, ${fileNameSql("c")} AS c_file,
  r.id::text AS r_id, trim(r.blob_sha256) AS r_sha, ${fileNameSql("r")} AS r_file,
  json_build_object('caption', p.text, 'jpg_0', ${fileNameSql("c")}, 'jpg_1', ${fileNameSql("r")}, 'label_0', 1, 'chosen', c.id::text, 'rejected', r.id::text,
    'prompt', p.text, 'prompt_id', p.external_id, 'benchmark', p.benchmark, 'subtask', p.subtask, 'round', i.round,
    'chosen_self_verdict', cs.verdict, 'chosen_self_prob', cs.prob, 'chosen_external_verdict', ce.verdict,
    'rejected_self_verdict', rs.verdict, 'rejected_self_prob', rs.prob, 'rejected_external_verdict', re.verdict)::text AS line
FROM (SELECT * FROM dataset_items WHERE dataset_id = $1::uuid AND position > $2 ORDER BY position LIMIT $3) i
JOIN datasets d ON d.id = i.dataset_id
JOIN prompts p ON p.id = i.prompt_id
JOIN samples c ON c.id = i.sample_id
LEFT JOIN blobs cb ON cb.sha256 = c.blob_sha256
JOIN samples r ON r.id = i.rejected_sample_id
LEFT JOIN blobs rb ON rb.sha256 = r.blob_sha256
${verdictJoins("c")}
${verdictJoins("r")}
ORDER BY i.position`;

/** The export's lines after `afterPosition`, at most `limit`, in order (keyset paging). */
export async function listExportLines(datasetId: string, kind: "sft" | "dpo", afterPosition: number, limit: number): Promise<TExportLine[]> {
  const { sql } = await getDb();
  const rows = await sql.query<TRaw>(kind === "sft" ? SFT_LINES_SQL : DPO_LINES_SQL, [datasetId, afterPosition, limit]);
  return rows.map((r) => ({
    position: Number(r.position),
    line: r.line as string,
    chosen: { sampleId: r.c_id as string, sha256: (r.c_sha as string | null) ?? null, fileName: (r.c_file as string | null) ?? null },
    rejected: kind === "dpo" ? { sampleId: r.r_id as string, sha256: (r.r_sha as string | null) ?? null, fileName: (r.r_file as string | null) ?? null } : null,
  }));
}

/** The distinct images of the dataset (chosen and rejected) with their archive names; a sample without an image comes back with nulls. */
export async function listExportImages(datasetId: string): Promise<{ sha256: string | null; fileName: string | null; sampleId: string }[]> {
  const { sql } = await getDb();
  const rows = await sql.query<TRaw>(
    `SELECT DISTINCT ON (sha) sha, file, sample_id FROM (
       SELECT trim(s.blob_sha256) AS sha, ${fileNameSql("s")} AS file, s.id AS sample_id
       FROM (SELECT sample_id AS id FROM dataset_items WHERE dataset_id = $1::uuid
             UNION SELECT rejected_sample_id FROM dataset_items WHERE dataset_id = $1::uuid AND rejected_sample_id IS NOT NULL) i
       JOIN samples s ON s.id = i.id LEFT JOIN blobs sb ON sb.sha256 = s.blob_sha256
     ) x ORDER BY sha NULLS FIRST, sample_id`,
    [datasetId],
  );
  return rows.map((r) => ({ sha256: (r.sha as string | null) ?? null, fileName: (r.file as string | null) ?? null, sampleId: String(r.sample_id) }));
}
