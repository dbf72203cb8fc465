// Writes one simulated run: labelled checkpoints, samples with their images, the self and external
// judgments on them, the run's judgments of the baseline's images, and its dense curves.
import "server-only";

import type { TDatabase } from "@/lib/db/open";
import { sampleKey, type TJudgmentRow, type TSampleRow } from "@/lib/samples/bulk-repository";
import { insertMetricPoints } from "@/lib/series/repository";

import type { TCurvePoint } from "../simulator/curves";
import type { TSimRun, TSimSample } from "../simulator/types";
import { copyJudgments, copySamples } from "./copy-rows";
import { imageCacheKey, storeImages } from "./image-store";
import { insertCheckpoints } from "./seed-repository";

const STEP_SECONDS = 12;

export type TRunTarget = {
  runId: string;
  run: TSimRun;
  promptIds: ReadonlyMap<string, string>;
  curves: readonly TCurvePoint[];
  /** Wall time of step 0; later steps follow at STEP_SECONDS each. */
  startedAt: Date;
  /** The baseline run's id and its samples' ids by (step, prompt id, candidate), for cross judgments. */
  baseline?: { runId: string; sampleIds: ReadonlyMap<string, string> };
};

export function toSampleRow(s: TSimSample, promptId: string, blob: string | undefined): TSampleRow {
  return {
    step: s.step,
    epoch: s.epoch,
    promptId,
    subtask: s.prompt.subtask,
    benchmark: s.prompt.benchmark,
    candidate: s.candidate,
    candidates: s.candidates,
    blobSha256: blob ?? null,
    role: s.role,
  };
}

export function judgmentsOf(s: TSimSample, sampleId: string, runId: string): TJudgmentRow[] {
  const common = { sampleId, runId, step: s.step, subtask: s.prompt.subtask };
  return [
    { ...common, kind: "self", judge: "self", judgeStep: s.step, verdict: s.self.verdict, prob: s.self.prob, response: s.self.response },
    { ...common, kind: "external", judge: s.external.judge, judgeStep: -1, verdict: s.external.verdict, reason: s.external.reason },
  ];
}

/**
 * Writes the run; returns its sample ids by natural key (the baseline's are needed by later runs).
 * The rows are new, so they are loaded by COPY; a seed that dies half-way leaves a partial project.
 */
export async function writeSimRun(
  db: TDatabase,
  target: TRunTarget,
  imageCache: Map<string, string>,
  log: (line: string) => void = () => {},
): Promise<Map<string, string>> {
  const { run, runId, promptIds } = target;
  let started = Date.now();
  const rendered = await storeImages(
    run.samples.map((s) => ({ prompt: s.prompt, variant: s.image.variant, error: s.image.error })),
    imageCache,
  );
  log(`  ${run.key}: ${rendered} new images in ${seconds(started)} s`);
  started = Date.now();
  await insertCheckpoints(db.sql, runId, run.checkpoints);
  const rows = run.samples.map((s) =>
    toSampleRow(s, promptIds.get(s.prompt.externalId)!, imageCache.get(imageCacheKey({ prompt: s.prompt, variant: s.image.variant, error: s.image.error }))),
  );
  const sampleIds = await copySamples(db, runId, rows);
  const ids = new Map(rows.map((r, i) => [sampleKey(r.step, r.promptId, r.candidate), sampleIds[i]!]));
  const judgments = run.samples.flatMap((s, i) => judgmentsOf(s, sampleIds[i]!, runId));
  if (target.baseline) {
    const { runId: baseRunId, sampleIds: baseIds } = target.baseline;
    for (const j of run.crossJudgments) {
      const sampleId = baseIds.get(sampleKey(0, promptIds.get(j.prompt.externalId)!, j.candidate))!;
      judgments.push({
        sampleId,
        runId: baseRunId,
        step: 0,
        subtask: j.prompt.subtask,
        kind: "self",
        judge: `self:${runId}`,
        judgeStep: j.judgeStep,
        verdict: j.verdict.verdict,
        prob: j.verdict.prob,
        response: j.verdict.response,
      });
    }
  }
  await copyJudgments(db, judgments);
  await insertMetricPoints(
    db.sql,
    runId,
    target.curves.map((p) => ({ ...p, wallTime: new Date(target.startedAt.getTime() + p.step * STEP_SECONDS * 1000) })),
  );
  log(`  ${run.key}: ${run.samples.length} samples, ${judgments.length} judgments, ${target.curves.length} points in ${seconds(started)} s`);
  return ids;
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}
