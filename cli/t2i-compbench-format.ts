import { createHash } from "node:crypto";

import type { TSampleIn } from "../lib/api-client/client";

// T2I-CompBench's evaluators leave one folder per category (docs/formats/t2i-compbench.md):
// images in samples/<prompt>_<index>.png and, per evaluator, a vqa_result.json of per-image
// answers plus a summary text file. Each category is scored by its own evaluator; this module picks
// that evaluator's file, maps its answers to images, matches the file names to the shipped prompt
// lists (names may hold the prompt cut short) and builds the samples. Pure: no file or network I/O.

export const T2I_CATEGORIES = ["color", "shape", "texture", "spatial", "non_spatial", "complex", "3d_spatial", "numeracy"] as const;
export type TT2iCategory = (typeof T2I_CATEGORIES)[number];

export type TEvaluator = {
  /** The judge its scores are stored under (lib/metrics/subtask-judges.ts makes Gen read the category's own). */
  judge: string;
  /** The metric's name, kept on each judgment's reason. */
  metric: string;
  /** Result files, newest layout first; the first that exists is read. */
  results: readonly string[];
  /** Summary files beside them (same order), each "<prefix>:<mean>" without a newline. */
  summaries: readonly string[];
  /** How question_id names an image: its position in the sorted listing, or the index in its file name. */
  keying: "position" | "file-index";
};

const BLIP: TEvaluator = {
  judge: "blip-vqa",
  metric: "BLIP-VQA",
  results: ["annotation_blip/vqa_result.json"],
  summaries: ["annotation_blip/blip_vqa_score.txt"],
  keying: "position",
};
const UNIDET: TEvaluator = {
  judge: "unidet",
  metric: "UniDet",
  results: [
    "labels/annotation_obj_detection_2d/vqa_result.json",
    "labels/annotation_obj_detection/vqa_result.json",
    "labels_/annotation_obj_detection_2d/vqa_result.json",
  ],
  summaries: [
    "labels/annotation_obj_detection_2d/avg_score.txt",
    "labels/annotation_obj_detection/avg_score.txt",
    "labels_/annotation_obj_detection_2d/avg_score.txt",
  ],
  keying: "file-index",
};
const CLIP: TEvaluator = {
  judge: "clipscore",
  metric: "CLIPScore",
  results: ["annotation_clip/vqa_result.json"],
  summaries: ["annotation_clip/score_avg.txt"],
  keying: "position",
};
const THREE_IN_ONE: TEvaluator = {
  judge: "3-in-1",
  metric: "3-in-1",
  results: ["annotation_3_in_1/vqa_result.json"],
  summaries: ["annotation_3_in_1/vqa_score.txt"],
  keying: "position",
};
const UNIDET_3D: TEvaluator = {
  judge: "unidet-3d",
  metric: "UniDet 3D",
  results: ["labels/annotation_obj_detection_3d/vqa_result.json"],
  summaries: ["labels/annotation_obj_detection_3d/avg_score.txt"],
  keying: "file-index",
};
const NUMERACY: TEvaluator = {
  judge: "unidet-numeracy",
  metric: "UniDet numeracy",
  results: ["annotation_num/vqa_result.json"],
  summaries: ["annotation_num/score.txt"],
  keying: "file-index",
};

/** Each category's own evaluator (T2I-CompBench's Readme). */
export const EVALUATORS: Readonly<Record<TT2iCategory, TEvaluator>> = {
  color: BLIP,
  shape: BLIP,
  texture: BLIP,
  spatial: UNIDET,
  non_spatial: CLIP,
  complex: THREE_IN_ONE,
  "3d_spatial": UNIDET_3D,
  numeracy: NUMERACY,
};

/** Every evaluator whose output may sit in a category folder (complex holds BLIP, UniDet and CLIP beside 3-in-1). */
export const ALL_EVALUATORS: readonly TEvaluator[] = [BLIP, UNIDET, CLIP, THREE_IN_ONE, UNIDET_3D, NUMERACY];

export function parseCategory(value: string): TT2iCategory {
  if ((T2I_CATEGORIES as readonly string[]).includes(value)) return value as TT2iCategory;
  throw new Error(`--category must be one of ${T2I_CATEGORIES.join(", ")}, not "${value}"`);
}

/** Lines of a prompt list (CRLF-safe, empty lines dropped, as the seed reads them). */
export function parsePromptList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export type TImageName = { file: string; promptText: string; index: number };

const NAME = /^(.*)_(\d+)\.(png|jpe?g|webp)$/i;

/** `<prompt>_<index>.png`: the prompt before the last `_`, the index after it. Null for other files (grids, notes). */
export function parseImageName(file: string): TImageName | null {
  const match = NAME.exec(file);
  if (!match || !match[1]) return null;
  return { file, promptText: match[1], index: Number(match[2]) };
}

/** The images of samples/, sorted as the evaluators sort them: numerically by index. */
export function sortImages(files: readonly string[]): TImageName[] {
  return files
    .map(parseImageName)
    .filter((n): n is TImageName => n !== null)
    .sort((a, b) => a.index - b.index || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

type TRawEntry = { question_id?: unknown; image_path?: unknown; answer?: unknown };

function answerOf(entry: TRawEntry, where: string): number {
  const raw = entry.answer;
  const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`${where}: answer ${JSON.stringify(raw)?.slice(0, 40)} is not a number in [0, 1]`);
  return value;
}

const basename = (p: string) => p.slice(p.search(/[^\\/]*$/));

/**
 * Each image's score from a vqa_result.json: by image_path basename when the entries carry one (the
 * fork's keying), else by question_id — the file index for UniDet, the position in the sorted listing
 * otherwise. A count mismatch or an answer naming no image is refused, never guessed.
 */
export function mapAnswers(json: unknown, images: readonly TImageName[], keying: TEvaluator["keying"], file: string): Map<string, number> {
  if (!Array.isArray(json)) throw new Error(`${file}: expected a JSON array of {question_id, answer}`);
  const entries = json as TRawEntry[];
  if (entries.length !== images.length)
    throw new Error(`${file}: ${entries.length} answers for ${images.length} images in samples/ — the folder and the result file do not belong together`);
  const scores = new Map<string, number>();
  const byName = new Map(images.map((img) => [img.file, img]));
  const byIndex = new Map(images.map((img) => [img.index, img]));
  entries.forEach((entry, i) => {
    const where = `${file}: entry ${i + 1}`;
    if (entry === null || typeof entry !== "object") throw new Error(`${where}: not an object`);
    let image: TImageName | undefined;
    if (typeof entry.image_path === "string") {
      image = byName.get(basename(entry.image_path));
      if (!image) throw new Error(`${where}: image_path "${entry.image_path.slice(0, 200)}" names no file of samples/`);
    } else {
      const id = entry.question_id;
      if (typeof id !== "number" || !Number.isInteger(id) || id < 0)
        throw new Error(`${where}: question_id ${JSON.stringify(id)?.slice(0, 40)} is not a non-negative integer`);
      image = keying === "file-index" ? byIndex.get(id) : images[id];
      if (!image)
        throw new Error(`${where}: question_id ${id} names no image (${keying === "file-index" ? "no file has that index" : `only ${images.length} images`})`);
    }
    if (scores.has(image.file)) throw new Error(`${where}: a second answer for ${image.file}`);
    scores.set(image.file, answerOf(entry, where));
  });
  return scores;
}

/** The number of a summary file: the text after its last `:` (`BLIP-VQA score:0.30`, `score avg:0.29`, `… avg:0.5`). */
export function parseSummary(text: string): number | null {
  const value = Number(text.slice(text.lastIndexOf(":") + 1).trim());
  return text.includes(":") && Number.isFinite(value) ? value : null;
}

/** Rounding of the evaluators (4 decimals in BLIP's strings, fp16 in CLIP's) stays below this. */
export const SUMMARY_TOLERANCE = 1e-4;

export type TPromptMatch = { externalId: string; text: string };

/**
 * The prompt of a file name: the exact line of the category's list, else the one line it is the start
 * of (names hold long prompts cut short). Without a list (3d_spatial, numeracy) the name's text is
 * the prompt, identified by its hash.
 */
export function matchPrompt(nameText: string, category: string, list: readonly string[] | null): TPromptMatch {
  if (!list) return { externalId: `t2i-compbench/${category}/${createHash("sha256").update(nameText).digest("hex").slice(0, 16)}`, text: nameText };
  const id = (i: number) => ({ externalId: `t2i-compbench/${category}/${String(i).padStart(4, "0")}`, text: list[i]! });
  const exact = list.indexOf(nameText);
  if (exact >= 0) return id(exact);
  const starts = list.flatMap((p, i) => (p.startsWith(nameText) ? [i] : []));
  if (starts.length === 1) return id(starts[0]!);
  if (starts.length > 1) throw new Error(`"${nameText.slice(0, 120)}" is the start of ${starts.length} prompts of ${category}_val.txt; cannot tell which`);
  throw new Error(`"${nameText.slice(0, 120)}" is not a prompt of ${category}_val.txt`);
}

export type TCompBenchSample = TSampleIn & { file: string };

export type TJudgeScores = { evaluator: TEvaluator; scores: ReadonlyMap<string, number> };

/**
 * One sample per image: candidates numbered per prompt in index order; one external judgment per
 * evaluator whose output the folder holds (the category's own first), each with its score.
 */
export function compBenchSamples(
  images: readonly TImageName[],
  judges: readonly TJudgeScores[],
  category: TT2iCategory,
  list: readonly string[] | null,
  step: number,
): TCompBenchSample[] {
  const failures: string[] = [];
  const prompts = images.map((img) => {
    try {
      return matchPrompt(img.promptText, category, list);
    } catch (error) {
      failures.push(`  samples/${img.file.slice(0, 160)}: ${(error as Error).message}`);
      return { externalId: "", text: "" };
    }
  });
  if (failures.length > 0)
    throw new Error(
      [
        `${failures.length} image${failures.length === 1 ? "" : "s"} of samples/ match no prompt; nothing was imported:`,
        ...failures.slice(0, 5),
        ...(failures.length > 5 ? [`  … and ${failures.length - 5} more`] : []),
      ].join("\n"),
    );
  const perPrompt = new Map<string, number>();
  for (const p of prompts) perPrompt.set(p.externalId, (perPrompt.get(p.externalId) ?? 0) + 1);
  const seen = new Map<string, number>();
  return images.map((img, i) => {
    const prompt = prompts[i]!;
    const candidate = seen.get(prompt.externalId) ?? 0;
    seen.set(prompt.externalId, candidate + 1);
    return {
      file: img.file,
      sourcePath: `samples/${img.file}`,
      step,
      prompt: { externalId: prompt.externalId, text: prompt.text, benchmark: "t2i-compbench", subtask: category },
      candidate,
      candidates: perPrompt.get(prompt.externalId)!,
      role: "eval" as const,
      judgments: judges.map(({ evaluator, scores }) => ({
        kind: "external" as const,
        judge: evaluator.judge,
        score: scores.get(img.file)!,
        reason: `${evaluator.metric} score`,
      })),
    };
  });
}

export const mean = (values: Iterable<number>): number | null => {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    n++;
    sum += v;
  }
  return n ? sum / n : null;
};
