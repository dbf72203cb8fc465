// Inline builders of raw sample and judgment records for the metric tests: one line per image,
// readable as the hand-computed fixture it is.
import type { TSampleRole } from "../sample-roles";
import type { TJudgmentRecord, TSampleRecord } from "../tally";

export type TImageSpec = {
  step: number;
  promptId: string;
  subtask?: string;
  benchmark?: string;
  /** Default "eval": an evaluation image. */
  role?: TSampleRole;
  /** The image's own checkpoint's self verdict; undefined = no self judgment, null = unparseable. */
  self?: 0 | 1 | null;
  external?: 0 | 1 | null;
  externalJudge?: string;
  score?: number | null;
  human?: (0 | 1 | null)[];
  /** Verdicts of other checkpoints on this image: [judge, judgeStep, verdict]. */
  judgedBy?: [string, number, 0 | 1 | null][];
  /** Any other judgment (a second external judge, a judge the metrics must ignore). */
  extra?: { kind: "self" | "external" | "human"; judge: string; judgeStep: number; verdict: 0 | 1 | null; score?: number | null }[];
};

export type TRecords = { samples: TSampleRecord[]; judgments: TJudgmentRecord[] };

export function buildRecords(images: readonly TImageSpec[]): TRecords {
  const samples: TSampleRecord[] = [];
  const judgments: TJudgmentRecord[] = [];
  images.forEach((image, i) => {
    const id = String(i + 1);
    samples.push({
      id,
      step: image.step,
      promptId: image.promptId,
      benchmark: image.benchmark ?? "t2i",
      subtask: image.subtask ?? "color",
      role: image.role ?? "eval",
    });
    const judge = (kind: TJudgmentRecord["kind"], name: string, judgeStep: number, verdict: 0 | 1 | null, score: number | null = null) =>
      judgments.push({ sampleId: id, kind, judge: name, judgeStep, verdict, score });
    if (image.self !== undefined) judge("self", "self", image.step, image.self);
    if (image.external !== undefined || image.score !== undefined)
      judge("external", image.externalJudge ?? "geneval", -1, image.external ?? null, image.score ?? null);
    image.human?.forEach((verdict, k) => judge("human", `annotator-${k}`, -1, verdict));
    image.judgedBy?.forEach(([name, step, verdict]) => judge("self", name, step, verdict));
    image.extra?.forEach((j) => judge(j.kind, j.judge, j.judgeStep, j.verdict, j.score ?? null));
  });
  return { samples, judgments };
}

/** `count` images of one prompt with the same verdicts. */
export function repeat(count: number, spec: TImageSpec): TImageSpec[] {
  return Array.from({ length: count }, () => ({ ...spec }));
}
