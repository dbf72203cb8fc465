import "server-only";

import { getDb } from "@/lib/db/client";

// Lineage: which runs trained on which datasets (rows of run_trained_on).

/** The ids among `ids` that are datasets of the project. */
export async function findDatasetIdsInProject(projectId: string, ids: readonly string[]): Promise<Set<string>> {
  const { sql } = await getDb();
  const rows = await sql.query<{ id: string }>(`SELECT id FROM datasets WHERE project_id = $1::uuid AND id = ANY($2::uuid[])`, [projectId, [...ids]]);
  return new Set(rows.map((r) => r.id));
}

export async function insertTrainedOn(runId: string, datasetIds: readonly string[]): Promise<void> {
  const { sql } = await getDb();
  await sql.execute(`INSERT INTO run_trained_on (run_id, dataset_id) SELECT $1::uuid, d FROM unnest($2::uuid[]) AS x(d) ON CONFLICT DO NOTHING`, [
    runId,
    [...datasetIds],
  ]);
}

/** The runs trained on a dataset, with their cached latest figures. */
export async function listRunsTrainedOn(
  datasetId: string,
): Promise<{ runId: string; name: string; latestStep: number | null; non: number | null; gen: number | null; und: number | null }[]> {
  const { sql } = await getDb();
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT r.id, r.name, s.latest_step, s.non, s.gen, s.und FROM run_trained_on t JOIN runs r ON r.id = t.run_id LEFT JOIN run_stats s ON s.run_id = r.id WHERE t.dataset_id = $1::uuid ORDER BY r.created_at, r.id`,
    [datasetId],
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    runId: r.id as string,
    name: r.name as string,
    latestStep: num(r.latest_step),
    non: num(r.non),
    gen: num(r.gen),
    und: num(r.und),
  }));
}

/** The datasets a run trained on, with what the run page says about each. */
export async function listDatasetsOfRun(
  runId: string,
): Promise<
  { datasetId: string; name: string; sourceRunId: string; sourceRunName: string; sourceStep: number; judge: string; gate: unknown; atRisk: boolean }[]
> {
  const { sql } = await getDb();
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT d.id, d.name, d.source_run_id, r.name AS source_run_name, d.source_step, d.judge, d.gate, d.at_risk FROM run_trained_on t JOIN datasets d ON d.id = t.dataset_id JOIN runs r ON r.id = d.source_run_id WHERE t.run_id = $1::uuid ORDER BY d.created_at, d.id`,
    [runId],
  );
  return rows.map((r) => ({
    datasetId: r.id as string,
    name: r.name as string,
    sourceRunId: r.source_run_id as string,
    sourceRunName: r.source_run_name as string,
    sourceStep: Number(r.source_step),
    judge: r.judge as string,
    gate: typeof r.gate === "string" ? JSON.parse(r.gate) : r.gate,
    atRisk: Boolean(r.at_risk),
  }));
}
