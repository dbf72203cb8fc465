import { report, resolveRun, type TContext, type TRunOptions } from "./context";
import { parseStep } from "./import-judgments";
import { describeLineErrors } from "./line-errors";
import { readRecords } from "./records";
import { scoresFromRecords } from "./score-format";

export type TScoresOptions = TRunOptions & {
  step: string;
  judge: string;
  benchmark: string;
  subtask?: string;
  subtaskColumn?: string;
  scoreColumn?: string;
  missingValue?: string[];
  skipUnmatched?: boolean;
};

/**
 * `unigap import scores file.csv|file.jsonl --run R --step N --judge J --benchmark B
 * [--subtask S | --subtask-column C] [--score-column score] [--missing-value 999]`: one score per
 * image, stored as judge J's external judgment on the run's images of benchmark B at step N.
 */
export async function importScores(ctx: TContext, file: string, options: TScoresOptions): Promise<void> {
  const step = parseStep(options.step, "--step");
  if (options.subtask && options.subtaskColumn) throw new Error("give --subtask or --subtask-column, not both.");
  const records = readRecords(file);
  const run = await resolveRun(ctx.client, options, false);
  const samples = await ctx.client.listSamples(run.id, step);
  if (samples.length === 0) throw new Error(`${options.run} has no images at step ${step}: import them first.`);
  const { judgments, unmatched, missing } = scoresFromRecords(file, records, samples, {
    judge: options.judge,
    benchmark: options.benchmark,
    scoreColumn: options.scoreColumn ?? "score",
    subtask: options.subtask,
    subtaskColumn: options.subtaskColumn,
    missing: options.missingValue ?? [],
  });
  if (unmatched.length > 0 && !options.skipUnmatched)
    throw new Error(`${describeLineErrors(file, unmatched)}\n(pass --skip-unmatched to import the others and skip these)`);
  const counts =
    judgments.length > 0 ? await ctx.client.addJudgments(run.id, judgments, { overwrite: options.overwrite }) : { inserted: 0, unchanged: 0, updated: 0 };
  report(
    ctx,
    {
      runId: run.id,
      judge: options.judge,
      judgments: counts.inserted,
      unchanged: counts.unchanged,
      updated: counts.updated,
      missing,
      skipped: unmatched.length,
    },
    `Imported ${judgments.length} ${options.judge} scores onto ${options.run} step ${step}: ${counts.inserted} new, ${counts.unchanged} already there` +
      (missing ? `, ${missing} marked missing (no score)` : "") +
      (unmatched.length ? `; skipped ${unmatched.length} lines naming no image of the run.` : "."),
  );
}
