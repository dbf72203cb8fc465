// Writes TImageSpec fixtures into the test database through the app's bulk SQL path and returns the
// same images as raw records (with the database's ids), so a test can run the SQL aggregates and
// the TypeScript reference on identical data.
import "server-only";

import { createTestPrompts, createTestSamples, type TTestJudgment } from "@/prisma/factories";

import type { TJudgmentRecord, TSampleRecord } from "../tally";
import type { TImageSpec, TRecords } from "./records";

export type TPromptMap = Map<string, { id: string; subtask: string; benchmark: string }>;

/** Creates the prompts the specs name (once per logical prompt id) and returns the map, extended. */
export async function ensurePrompts(projectId: string, images: readonly TImageSpec[], prompts: TPromptMap = new Map()): Promise<TPromptMap> {
  const missing = new Map<string, { benchmark: string; subtask: string }>();
  for (const image of images) {
    if (!prompts.has(image.promptId)) missing.set(image.promptId, { benchmark: image.benchmark ?? "t2i", subtask: image.subtask ?? "color" });
  }
  const names = [...missing.keys()];
  const created = await createTestPrompts(
    projectId,
    names.map((name) => missing.get(name)!),
  );
  names.forEach((name, i) => prompts.set(name, created[i]!));
  return prompts;
}

function toJudgments(image: TImageSpec): TTestJudgment[] {
  const list: TTestJudgment[] = [];
  if (image.self !== undefined) list.push({ kind: "self", judge: "self", judgeStep: image.step, verdict: image.self });
  if (image.external !== undefined || image.score !== undefined) {
    list.push({ kind: "external", judge: image.externalJudge ?? "geneval", judgeStep: -1, verdict: image.external ?? null, score: image.score ?? null });
  }
  image.human?.forEach((verdict, k) => list.push({ kind: "human", judge: `annotator-${k}`, judgeStep: -1, verdict }));
  image.judgedBy?.forEach(([judge, judgeStep, verdict]) => list.push({ kind: "self", judge, judgeStep, verdict }));
  image.extra?.forEach((j) => list.push({ kind: j.kind, judge: j.judge, judgeStep: j.judgeStep, verdict: j.verdict, score: j.score ?? null }));
  return list;
}

/** Inserts the images of one run (candidates numbered per step and prompt) and returns them as records. */
export async function seedImages(runId: string, images: readonly TImageSpec[], prompts: TPromptMap): Promise<TRecords> {
  const candidates = new Map<string, number>();
  const specs = images.map((image) => {
    const key = `${image.step}|${image.promptId}`;
    const candidate = candidates.get(key) ?? 0;
    candidates.set(key, candidate + 1);
    return { image, candidate, prompt: prompts.get(image.promptId)!, judgments: toJudgments(image) };
  });
  const ids = await createTestSamples(
    runId,
    specs.map((s) => ({ step: s.image.step, prompt: s.prompt, candidate: s.candidate, role: s.image.role ?? "eval", judgments: s.judgments })),
  );
  const samples: TSampleRecord[] = specs.map((s, i) => ({
    id: ids[i]!,
    step: s.image.step,
    promptId: s.prompt.id,
    benchmark: s.prompt.benchmark,
    subtask: s.prompt.subtask,
    role: s.image.role ?? "eval",
  }));
  const judgments: TJudgmentRecord[] = specs.flatMap((s, i) =>
    s.judgments.map((j) => ({ sampleId: ids[i]!, kind: j.kind, judge: j.judge!, judgeStep: j.judgeStep!, verdict: j.verdict, score: j.score ?? null })),
  );
  return { samples, judgments };
}
