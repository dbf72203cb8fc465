import "server-only";

import { AppError } from "@/lib/errors";

import type { TGate } from "./gate";
import { findDatasetIdsInProject, insertTrainedOn, listDatasetsOfRun } from "./lineage-repository";

// A run declares the datasets it trained on (on create or update); the caller's right to write the
// run was checked by the run service. Datasets of other projects are unknown here: a 422 naming them.

export async function declareTrainedOn(projectId: string, runId: string, datasetIds: readonly string[]): Promise<void> {
  const ids = [...new Set(datasetIds)];
  const known = await findDatasetIdsInProject(projectId, ids);
  const unknown = ids.find((id) => !known.has(id));
  if (unknown) throw new AppError("INVALID_INPUT", `Unknown dataset "${unknown}" in trainedOn.`, { field: "trainedOn" });
  await insertTrainedOn(runId, ids);
}

const pct = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)}%`);

/** "trained on <dataset> — built from <run> @ <step>, judge <judge>, precision p [lo, hi]" per dataset of the run (the caller may read the run). */
export async function describeRunLineage(runId: string): Promise<{ datasetId: string; name: string; text: string; atRisk: boolean }[]> {
  return (await listDatasetsOfRun(runId)).map((d) => {
    const p = (d.gate as TGate).overall.precision;
    return {
      datasetId: d.datasetId,
      name: d.name,
      atRisk: d.atRisk,
      text: `trained on ${d.name} — built from ${d.sourceRunName} @ ${d.sourceStep}, judge ${d.judge}, precision ${pct(p.value)} [${pct(p.lo)}, ${pct(p.hi)}]`,
    };
  });
}
