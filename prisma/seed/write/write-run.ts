// Writes one simulated run: labelled checkpoints, samples with their images, the self and external
// judgments on them, the run's judgments of the baseline's images, and its dense curves. Bulk SQL
// through the app's repositories, one transaction per run.
import "server-only";

import type { TDatabase } from "@/lib/db/open";
import type { TSql } from "@/lib/db/sql";
import { insertJudgments, insertSamples, sampleKey, type TJudgmentRow, type TSampleRow } from "@/lib/samples/bulk-repository";
import { insertMetricPoints } from "@/lib/series/repository";

import type { TCurvePoint } from "../simulator/curves";
import type { TSimRun, TSimSample } from "../simulator/types";
import { imageCacheKey, storeImages } from "./image-store";
import { insertCheckpoints } from "./seed-repository";

const SAMPLE_BATCH = 5000;
const JUDGMENT_BATCH = 10000;
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
  return { step: s.step, epoch: s.epoch, promptId, subtask: s.prompt.subtask, benchmark: s.prompt.benchmark, candidate: s.candidate, candidates: s.candidates, blobSha256: blob ?? null, role: s.role };
}

export function judgmentsOf(s: TSimSample, sampleId: string, runId: string): TJudgmentRow[] {
  const common = { sampleId, runId, step: s.step, subtask: s.prompt.subtask };
  return [
    { ...common, kind: "self", judge: "self", judgeStep: s.step, verdict: s.self.verdict, prob: s.self.prob, response: s.self.response },
    { ...common, kind: "external", judge: s.external.judge, judgeStep: -1, verdict: s.external.verdict, reason: s.external.reason },
  ];
}

async function insertInBatches<T>(rows: readonly T[], size: number, insert: (batch: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Writes the run; returns its sample ids by natural key (the baseline's are needed by later runs). */
export async function writeSimRun(db: TDatabase, target: TRunTarget, imageCache: Map<string, string>, log: (line: string) => void = () => {}): Promise<Map<string, string>> {
  const { run, runId, promptIds } = target;
  let started = Date.now();
  // Images first: the blob store writes through the process database, outside the run's transaction.
  const rendered = await storeImages(run.samples.map((s) => ({ prompt: s.prompt, variant: s.image.variant, error: s.image.error })), imageCache);
  log(`  ${run.key}: ${rendered} new images in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  started = Date.now();
  const ids = await db.sql.transaction(async (tx: TSql) => {
    await insertCheckpoints(tx, runId, run.checkpoints);
    const ids = new Map<string, string>();
    const judgments: TJudgmentRow[] = [];
    await insertInBatches(run.samples, SAMPLE_BATCH, async (batch) => {
      const rows = batch.map((s) => toSampleRow(s, promptIds.get(s.prompt.externalId)!, imageCache.get(imageCacheKey({ prompt: s.prompt, variant: s.image.variant, error: s.image.error }))));
      const inserted = await insertSamples(tx, runId, rows);
      batch.forEach((s, i) => {
        const key = sampleKey(s.step, rows[i]!.promptId, s.candidate);
        const id = inserted.get(key)!;
        ids.set(key, id);
        judgments.push(...judgmentsOf(s, id, runId));
      });
    });
    if (target.baseline) {
      const { runId: baseRunId, sampleIds } = target.baseline;
      for (const j of run.crossJudgments) {
        const sampleId = sampleIds.get(sampleKey(0, promptIds.get(j.prompt.externalId)!, j.candidate))!;
        judgments.push({ sampleId, runId: baseRunId, step: 0, subtask: j.prompt.subtask, kind: "self", judge: `self:${runId}`, judgeStep: j.judgeStep, verdict: j.verdict.verdict, prob: j.verdict.prob, response: j.verdict.response });
      }
    }
    await insertInBatches(judgments, JUDGMENT_BATCH, (batch) => insertJudgments(tx, batch));
    await insertMetricPoints(tx, runId, target.curves.map((p) => ({ ...p, wallTime: new Date(target.startedAt.getTime() + p.step * STEP_SECONDS * 1000) })));
    log(`  ${run.key}: ${run.samples.length} samples, ${judgments.length} judgments, ${target.curves.length} points in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return ids;
  });
  return ids;
}
