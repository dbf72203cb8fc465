import type { TListedSample } from "../lib/api/contracts/samples";
import type { TJudgmentLater } from "../lib/api-client/client";

import { describeLineErrors, show, type TLineError } from "./line-errors";
import { describeKey, indexSamples, matchOne, recordKey } from "./sample-match";

// Per-image scores of any evaluator (Science-T2I's SciScore from the user's loop, WISE's JSONL,
// GenEval2's per-sample scores, …): one line per image, keyed by filename or prompt_id + candidate,
// a score column and an optional verdict, stored as an external judgment of the named judge.
// Failure sentinels (WISE's 999 for a failed judge call, BAGEL's 9.9, NaN) are refused with their
// line unless --missing-value names them; then the image gets a judgment without a score. Pure.

export const SENTINELS = ["999", "9.9", "NaN"] as const;

export type TScoreOptions = {
  judge: string;
  benchmark: string;
  scoreColumn: string;
  subtask?: string;
  subtaskColumn?: string;
  /** Values that mean "no score" (as written in the file, e.g. 999, 9.9, NaN). */
  missing: readonly string[];
};

const isNanText = (t: string) => /^[+-]?nan$/i.test(t);

function sameValue(text: string, missing: string): boolean {
  if (isNanText(text) && isNanText(missing)) return true;
  const a = Number(text);
  const b = Number(missing);
  return text.trim() === missing.trim() || (text.trim() !== "" && Number.isFinite(a) && a === b);
}

function scoreOf(value: unknown, options: TScoreOptions): { score: number | null; missing: boolean } {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (value === undefined || value === null || text === "") throw new Error(`no "${options.scoreColumn}" value`);
  if (options.missing.some((m) => sameValue(text, m))) return { score: null, missing: true };
  const n = Number(text);
  if (isNanText(text) || !Number.isFinite(n))
    throw new Error(`"${options.scoreColumn}" ${show(value)} is not a number (map a failure value with --missing-value)`);
  if (SENTINELS.some((s) => sameValue(text, s)))
    throw new Error(`"${options.scoreColumn}" ${show(value)} looks like a failure sentinel; pass --missing-value ${text} if it means "no score"`);
  return { score: n, missing: false };
}

function verdictOf(value: unknown): 0 | 1 | null {
  if (value === undefined || value === null || value === "") return null;
  if (value === 1 || value === true || value === "1" || value === "true" || value === "True") return 1;
  if (value === 0 || value === false || value === "0" || value === "false" || value === "False") return 0;
  throw new Error(`"verdict" ${show(value)} is not 0, 1, true or false`);
}

export type TParsedScores = { judgments: TJudgmentLater[]; unmatched: TLineError[]; missing: number };

/** Every line as an external judgment on the one image of `benchmark` (and subtask) it names. */
export function scoresFromRecords(
  file: string,
  records: readonly { line: number; record: Record<string, unknown> }[],
  samples: readonly TListedSample[],
  options: TScoreOptions,
): TParsedScores {
  const index = indexSamples(samples.filter((s) => s.benchmark === options.benchmark));
  const errors: TLineError[] = [];
  const unmatched: TLineError[] = [];
  const seen = new Map<string, number>();
  const judgments: TJudgmentLater[] = [];
  let missing = 0;
  for (const { line, record } of records) {
    try {
      const key = recordKey(record);
      const sample = matchOne(index, key);
      if (!sample) {
        unmatched.push({ line, message: `${describeKey(key)} is no ${options.benchmark} image of the run at this step` });
        continue;
      }
      const subtask = options.subtaskColumn ? record[options.subtaskColumn] : options.subtask;
      if (subtask !== undefined && String(subtask) !== sample.subtask)
        throw new Error(`subtask ${show(subtask)} but the image ${describeKey(key)} is of subtask ${show(sample.subtask)}`);
      const first = seen.get(sample.id);
      if (first !== undefined) throw new Error(`scores the same image as line ${first} (${describeKey(key)}): more entries than images`);
      seen.set(sample.id, line);
      const { score, missing: isMissing } = scoreOf(record[options.scoreColumn], options);
      if (isMissing) missing++;
      judgments.push({
        sample: { id: sample.id },
        kind: "external",
        judge: options.judge,
        verdict: verdictOf(record.verdict),
        score,
        reason: isMissing ? `missing value ${String(record[options.scoreColumn])} in ${file.split(/[\\/]/).pop()}` : null,
      });
    } catch (error) {
      errors.push({ line, message: (error as Error).message });
    }
  }
  if (errors.length > 0) throw new Error(describeLineErrors(file, errors));
  return { judgments, unmatched, missing };
}
