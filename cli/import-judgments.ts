import { report, resolveRun, type TContext, type TRunOptions } from "./context";
import { judgmentsFromRecords, type TJudgmentTarget } from "./judgment-format";
import { describeLineErrors } from "./line-errors";
import { readRecords } from "./records";

export type TJudgmentsOptions = TRunOptions & {
  step: string;
  kind: string;
  judge?: string;
  judgeStep?: string;
  ontoRun?: string;
  skipUnmatched?: boolean;
};

export function parseStep(value: string | undefined, flag: string): number {
  const step = Number(value);
  if (value === undefined || !Number.isInteger(step) || step < 0) throw new Error(`${flag} must be a non-negative integer, not "${value}".`);
  return step;
}

/**
 * `unigap import judgments file.jsonl --run R --step N --kind self|external|human [--judge J]
 * [--judge-step M] [--onto-run BASELINE] [--skip-unmatched]`: verdicts from their own file onto
 * images imported earlier. With --onto-run, run R's checkpoint M judged the baseline's images of
 * step N — the understanding score's input — and the verdicts are stored on the baseline's images.
 */
export async function importJudgments(ctx: TContext, file: string, options: TJudgmentsOptions): Promise<void> {
  const step = parseStep(options.step, "--step");
  if (!["self", "external", "human"].includes(options.kind)) throw new Error(`--kind must be self, external or human, not "${options.kind}".`);
  const kind = options.kind as TJudgmentTarget["kind"];
  if (kind !== "self" && !options.judge) throw new Error(`--kind ${kind} needs --judge <name> (e.g. qwen2.5-vl-72b).`);
  if (options.ontoRun && kind !== "self") throw new Error("--onto-run stores a later checkpoint's own verdicts: it needs --kind self.");
  if (options.ontoRun && options.judgeStep === undefined)
    throw new Error("--onto-run needs --judge-step <n>: the checkpoint of --run that judged the baseline's images.");
  const judgeStep = options.judgeStep === undefined ? undefined : parseStep(options.judgeStep, "--judge-step");
  const records = readRecords(file);

  const judging = await resolveRun(ctx.client, options, !!options.ontoRun);
  const images = options.ontoRun ? await resolveRun(ctx.client, { ...options, run: options.ontoRun }, false) : judging;
  const samples = await ctx.client.listSamples(images.id, step);
  if (samples.length === 0) throw new Error(`${options.ontoRun ?? options.run} has no images at step ${step}: import them first.`);
  const target: TJudgmentTarget = options.ontoRun
    ? { kind: "self", judgeRunId: judging.id, judgeStep }
    : { kind, judge: kind === "self" ? undefined : options.judge, judgeStep: kind === "self" ? (judgeStep ?? step) : undefined };
  const { judgments, unmatched, unparseable } = judgmentsFromRecords(file, records, samples, target);
  if (unmatched.length > 0 && !options.skipUnmatched)
    throw new Error(`${describeLineErrors(file, unmatched)}\n(pass --skip-unmatched to import the others and skip these)`);
  const counts =
    judgments.length > 0 ? await ctx.client.addJudgments(images.id, judgments, { overwrite: options.overwrite }) : { inserted: 0, unchanged: 0, updated: 0 };
  report(
    ctx,
    {
      runId: images.id,
      judgeRunId: options.ontoRun ? judging.id : null,
      judgments: counts.inserted,
      unchanged: counts.unchanged,
      updated: counts.updated,
      skipped: unmatched.length,
      unparseable,
    },
    `Imported ${judgments.length} ${kind} judgments onto ${options.ontoRun ?? options.run} step ${step}: ${counts.inserted} new, ${counts.unchanged} already there` +
      (unparseable ? `, ${unparseable} responses unparseable (verdict null, text kept)` : "") +
      (unmatched.length ? `; skipped ${unmatched.length} lines naming no image of the run.` : "."),
  );
}
