// GenEval's own summary conventions (djghosh13/geneval, evaluation/summary_scores.py), so a GenEval
// results file summarised here gives the numbers its authors' script prints: per-tag accuracy over
// images, overall = mean of the tag accuracies, "% correct images", and "% correct prompts" = the
// share of prompts (grouped by their metadata) with at least one correct image.
import { z } from "zod";

import { proportionMeasure } from "./measure";
import type { TMeasure } from "./summary-types";

/** One line of GenEval's evaluator output: one generated image. */
const ZGenEvalRecord = z.object({
  filename: z.string().max(4096),
  tag: z.string().min(1).max(100),
  prompt: z.string().max(4096),
  correct: z.boolean(),
  reason: z.string().max(10_000).optional().default(""),
  /** The prompt's spec as a JSON string; GenEval groups images into prompts by this string. */
  metadata: z.string().max(100_000),
  details: z.unknown().optional(),
});
export type TGenEvalRecord = z.infer<typeof ZGenEvalRecord>;

export type TGenEvalSummary = {
  totalImages: number;
  totalPrompts: number;
  correctImages: TMeasure;
  correctPrompts: TMeasure;
  /** In order of first appearance, as the script's `groupby('tag', sort=False)`. */
  tags: { tag: string; correct: number; total: number; accuracy: TMeasure }[];
  /** Unweighted mean of the tag accuracies ("Overall score (avg. over tasks)"); null for an empty file. */
  overall: number | null;
};

/** Parses a results file (JSON lines); a bad line fails with its line number. */
export function parseGenEvalResults(text: string): TGenEvalRecord[] {
  return text
    .split("\n")
    .map((line, index) => ({ line: line.trim(), index }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, index }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`GenEval results line ${index + 1}: not JSON (${(error as Error).message})`);
      }
      const parsed = ZGenEvalRecord.safeParse(json);
      if (!parsed.success) throw new Error(`GenEval results line ${index + 1}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      return parsed.data;
    });
}

/** Summarises GenEval results with the conventions of GenEval's summary script. */
export function summarizeGenEval(records: readonly TGenEvalRecord[]): TGenEvalSummary {
  const prompts = new Map<string, boolean>();
  const tags = new Map<string, { correct: number; total: number }>();
  let correct = 0;
  for (const record of records) {
    prompts.set(record.metadata, (prompts.get(record.metadata) ?? false) || record.correct);
    let tag = tags.get(record.tag);
    if (!tag) tags.set(record.tag, (tag = { correct: 0, total: 0 }));
    tag.total += 1;
    if (record.correct) {
      tag.correct += 1;
      correct += 1;
    }
  }
  const tagList = [...tags].map(([tag, t]) => ({ tag, ...t, accuracy: proportionMeasure(t.correct, t.total) }));
  const correctPrompts = [...prompts.values()].filter(Boolean).length;
  return {
    totalImages: records.length,
    totalPrompts: prompts.size,
    correctImages: proportionMeasure(correct, records.length),
    correctPrompts: proportionMeasure(correctPrompts, prompts.size),
    tags: tagList,
    overall: tagList.length ? tagList.reduce((sum, t) => sum + t.correct / t.total, 0) / tagList.length : null,
  };
}
