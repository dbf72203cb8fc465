import { parseSelfAnswer } from "../lib/api/answer-parser";
import type { TListedSample } from "../lib/api/contracts/samples";
import type { TJudgmentLater } from "../lib/api-client/client";

import { describeLineErrors, show, type TLineError } from "./line-errors";
import { describeKey, indexSamples, matchOne, recordKey } from "./sample-match";

// A judgment file: one line per image, keyed by filename or prompt_id + candidate, with a verdict
// (`verdict`, or `correct` as a reflect-style pipeline writes it — the same shape as GenEval's
// results), a free-text `response` parsed into a verdict when none is given, and optional `prob`,
// `score`, `reason`. Pure: the CLI reads the file and talks to the server.

// "\boxed{1}" (math-style answers) and a JSON object {"label": 1} (structured outputs).
const BOXED = /\\boxed\s*\{\s*([01])(?:\.0+)?\s*\}/g;
const LABEL_KEYS = ["label", "score", "verdict", "answer", "correct"];

function labelOf(value: unknown): 0 | 1 | null {
  if (value === 1 || value === true || value === "1" || value === "yes" || value === "Yes") return 1;
  if (value === 0 || value === false || value === "0" || value === "no" || value === "No") return 0;
  return null;
}

/**
 * The verdict of a free-text answer: the paper's "The score is N" or a leading yes/no
 * (lib/api/answer-parser.ts), else one `\boxed{N}`, else a JSON object's label. Forms that disagree,
 * or none, give null — the text is kept either way.
 */
export function parseResponse(raw: string): 0 | 1 | null {
  const parsed = parseSelfAnswer(raw);
  if (parsed.rule !== "unparseable") return parsed.verdict;
  const boxed = new Set([...raw.matchAll(BOXED)].map((m) => m[1]));
  if (boxed.size === 1) return boxed.has("1") ? 1 : 0;
  if (boxed.size > 1) return null;
  const json = /\{[^{}]*\}/.exec(raw)?.[0];
  if (!json) return null;
  try {
    const object = JSON.parse(json) as Record<string, unknown>;
    const key = LABEL_KEYS.find((k) => k in object);
    return key ? labelOf(object[key]) : null;
  } catch {
    return null;
  }
}

export type TJudgmentTarget = {
  kind: "self" | "external" | "human";
  judge?: string;
  /** The judging checkpoint of a self judge (default: the images' step). */
  judgeStep?: number;
  /** --onto-run: the judging run's id; the images are another run's (its baseline's). */
  judgeRunId?: string;
};

function verdictOf(record: Record<string, unknown>): { verdict: 0 | 1 | null; response: string | null } {
  const response = typeof record.response === "string" ? record.response : null;
  for (const field of ["verdict", "correct"]) {
    const value = record[field];
    if (value === undefined || value === null || value === "") continue;
    const v = labelOf(typeof value === "string" ? value.trim().toLowerCase() : value);
    if (v === null) throw new Error(`"${field}" ${show(value)} is not 0, 1, true or false`);
    return { verdict: v, response };
  }
  return { verdict: response !== null ? parseResponse(response) : null, response };
}

function numberOf(record: Record<string, unknown>, field: string, min: number, max: number): number | null {
  const value = record[field];
  if (value === undefined || value === null || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`"${field}" ${show(value)} is not a number in [${min}, ${max}]`);
  return n;
}

export type TParsedJudgments = { judgments: TJudgmentLater[]; unmatched: TLineError[]; unparseable: number };

/**
 * Every line of a judgment file as a judgment on the one sample it names. Broken lines fail the
 * whole file (first few named, with the count); lines naming no image of the run come back as
 * `unmatched` for the caller to refuse or skip.
 */
export function judgmentsFromRecords(
  file: string,
  records: readonly { line: number; record: Record<string, unknown> }[],
  samples: readonly TListedSample[],
  target: TJudgmentTarget,
): TParsedJudgments {
  const index = indexSamples(samples);
  const errors: TLineError[] = [];
  const unmatched: TLineError[] = [];
  const seen = new Map<string, number>();
  const judgments: TJudgmentLater[] = [];
  let unparseable = 0;
  for (const { line, record } of records) {
    try {
      const key = recordKey(record);
      const sample = matchOne(index, key);
      if (!sample) {
        unmatched.push({ line, message: `${describeKey(key)} is no image of the run at this step` });
        continue;
      }
      const first = seen.get(sample.id);
      if (first !== undefined) throw new Error(`judges the same image as line ${first} (${describeKey(key)})`);
      seen.set(sample.id, line);
      const { verdict, response } = verdictOf(record);
      if (verdict === null && response !== null) unparseable++;
      judgments.push({
        sample: { id: sample.id },
        kind: target.kind,
        ...(target.judge && !target.judgeRunId ? { judge: target.judge } : {}),
        ...(target.judgeRunId ? { judgeRunId: target.judgeRunId } : {}),
        ...(target.judgeStep !== undefined ? { judgeStep: target.judgeStep } : {}),
        verdict,
        prob: numberOf(record, "prob", 0, 1),
        score: numberOf(record, "score", -Number.MAX_VALUE, Number.MAX_VALUE),
        response,
        reason: typeof record.reason === "string" ? record.reason : null,
      });
    } catch (error) {
      errors.push({ line, message: (error as Error).message });
    }
  }
  if (errors.length > 0) throw new Error(describeLineErrors(file, errors));
  return { judgments, unmatched, unparseable };
}
