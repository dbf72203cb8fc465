import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireSampleAccess } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { findFlips } from "@/lib/metrics/flips";
import { hasBlobFile } from "@/lib/storage/thumbnail";

import { findPromptTimeline, findSameStepInOtherRuns, findSampleJudgments, findSampleRef, type TSampleRefRow, type TTimelineRow } from "./detail-repository";
import { sampleImageUrls } from "./image-urls";
import type { TSampleDetailDTO, TTimelinePoint, TVerdict } from "./types";

const verdict = (v: number | null): TVerdict => (v === 0 || v === 1 ? v : null);
const SAMPLE_ID = /^\d{1,18}$/;

/** A sample the caller may read, or NOT_FOUND (also for a malformed id and for another project's sample). */
export async function requireReadableSample(actor: TActor, sampleId: string, projectId?: string): Promise<TSampleRefRow> {
  const ref = SAMPLE_ID.test(sampleId) ? await findSampleRef(sampleId) : null;
  if (!ref || (projectId && ref.project_id !== projectId)) throw notFound("Sample", sampleId);
  await requireSampleAccess(actor, { id: ref.id, runId: ref.run_id, projectId: ref.project_id }, "viewer");
  return ref;
}

/** The filmstrip: the prompt at every checkpoint, self and external verdicts as two tracks, flips marked where they land. */
function toTimeline(rows: readonly TTimelineRow[]): TTimelinePoint[] {
  const flipSteps = (pick: (r: TTimelineRow) => number | null) =>
    new Set(findFlips(rows.map((r) => ({ step: r.step, verdict: verdict(pick(r)) }))).map((f) => f.toStep));
  const selfFlips = flipSteps((r) => r.self_verdict);
  const externalFlips = flipSteps((r) => r.ext_verdict);
  return rows.map((r) => ({
    sampleId: r.id,
    step: r.step,
    image: sampleImageUrls(r.id, r.blob_sha256, 128),
    self: verdict(r.self_verdict),
    external: verdict(r.ext_verdict),
    selfFlip: selfFlips.has(r.step),
    externalFlip: externalFlips.has(r.step),
  }));
}

/** Everything the sample page shows, for a member of the sample's project. */
export async function getSampleDetail(actor: TActor, projectId: string, sampleId: string): Promise<TSampleDetailDTO> {
  const ref = await requireReadableSample(actor, sampleId, projectId);
  const [judgments, timeline, others, hasFile] = await Promise.all([
    findSampleJudgments(ref.id),
    findPromptTimeline(ref.run_id, ref.prompt_id, ref.candidate),
    findSameStepInOtherRuns(ref.prompt_id, ref.run_id, ref.step, ref.candidate),
    ref.blob_sha256 ? hasBlobFile(ref.blob_sha256) : Promise.resolve(false),
  ]);
  const urls = hasFile ? sampleImageUrls(ref.id, ref.blob_sha256) : null;
  const mine = actor.kind === "user" ? judgments.find((j) => j.kind === "human" && j.judge === `human:${actor.userId}`) : undefined;
  return {
    id: ref.id,
    runId: ref.run_id,
    runName: ref.run_name,
    step: ref.step,
    prompt: ref.prompt,
    generationPrompt: ref.generation_prompt !== null && ref.generation_prompt !== ref.prompt ? ref.generation_prompt : null,
    sourcePath: ref.source_path,
    candidate: ref.candidate,
    candidates: ref.candidates,
    role: ref.role,
    subtask: ref.subtask,
    benchmark: ref.benchmark,
    genLogLik: ref.gen_log_lik,
    image: urls ? { ...urls, width: ref.width ?? 0, height: ref.height ?? 0, mediaType: ref.media_type ?? "" } : null,
    imageMissing: ref.blob_sha256 !== null && !hasFile,
    judgments: judgments.map((j) => ({
      kind: j.kind,
      judge: j.judge,
      judgeStep: j.judge_step,
      verdict: verdict(j.verdict),
      prob: j.prob,
      score: j.score,
      response: j.response,
      reason: j.reason,
      annotator: j.kind === "human" ? (j.annotator_name ?? "a former member") : null,
    })),
    myLabel: mine ? { verdict: verdict(mine.verdict), note: mine.reason } : null,
    timeline: toTimeline(timeline),
    otherRuns: others
      .filter((o) => o.project_id === ref.project_id)
      .map((o) => ({
        runId: o.run_id,
        runName: o.run_name,
        sampleId: o.id,
        image: sampleImageUrls(o.id, o.blob_sha256),
        self: verdict(o.self_verdict),
        external: verdict(o.ext_verdict),
      })),
  };
}
