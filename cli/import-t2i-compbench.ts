import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { hashFile, uploadImages } from "./images";
import { createProgress } from "./progress";
import { report, resolveRun, type TContext, type TRunOptions } from "./context";
import {
  ALL_EVALUATORS,
  compBenchSamples,
  EVALUATORS,
  mapAnswers,
  mean,
  parseCategory,
  parsePromptList,
  parseSummary,
  sortImages,
  SUMMARY_TOLERANCE,
  type TJudgeScores,
} from "./t2i-compbench-format";

export type TCompBenchOptions = TRunOptions & { category: string; step: string; images?: boolean; prompts?: string };

// The prompt lists shipped with the repo (MIT, licence beside them).
const PROMPTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "prisma", "seed", "data", "t2i-compbench");

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message.slice(0, 200)})`);
  }
}

/** `unigap import t2i-compbench <category-dir> --category C --run R --step N [--no-images]` */
export async function importT2iCompBench(ctx: TContext, dir: string, options: TCompBenchOptions): Promise<void> {
  const category = parseCategory(options.category);
  const step = Number(options.step);
  if (!Number.isInteger(step) || step < 0) throw new Error(`--step must be a non-negative integer, not "${options.step}".`);
  const samplesDir = path.join(dir, "samples");
  if (!fs.existsSync(samplesDir)) throw new Error(`${samplesDir}: no samples/ folder — pass the category folder the evaluator was run on`);
  const images = sortImages(fs.readdirSync(samplesDir));
  if (images.length === 0) throw new Error(`${samplesDir}: no <prompt>_<index>.png images`);

  const evaluator = EVALUATORS[category];
  const at = evaluator.results.findIndex((f) => fs.existsSync(path.join(dir, f)));
  if (at < 0) throw new Error(`${dir}: no ${evaluator.metric} result for ${category} (looked for ${evaluator.results.join(", ")})`);
  const resultFile = path.join(dir, evaluator.results[at]!);
  const scores = mapAnswers(readJson(resultFile), images, evaluator.keying, resultFile);
  // Other evaluators' output in the folder (complex holds all four) become further judges; one that
  // does not fit these images is reported and left out — it never decides Gen.
  const extras: TJudgeScores[] = [];
  const skipped: string[] = [];
  for (const other of ALL_EVALUATORS) {
    if (other === evaluator) continue;
    const file = other.results.map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (!file) continue;
    try {
      extras.push({ evaluator: other, scores: mapAnswers(readJson(file), images, other.keying, file) });
    } catch (error) {
      skipped.push(`${(error as Error).message.slice(0, 300)}`);
    }
  }
  for (const s of skipped) process.stderr.write(`warning: not stored as a further judge: ${s}\n`);

  const listFile = options.prompts ?? path.join(PROMPTS_DIR, `${category}_val.txt`);
  const list = fs.existsSync(listFile) ? parsePromptList(fs.readFileSync(listFile, "utf8")) : null;
  const samples = compBenchSamples(images, [{ evaluator, scores }, ...extras], category, list, step);

  const recomputed = mean(scores.values())!;
  const summaryFile = path.join(dir, evaluator.summaries[at]!);
  const stated = fs.existsSync(summaryFile) ? parseSummary(fs.readFileSync(summaryFile, "utf8")) : null;
  const summary = {
    file: fs.existsSync(summaryFile) ? summaryFile : null,
    stated,
    recomputed,
    agrees: stated === null ? null : Math.abs(stated - recomputed) <= SUMMARY_TOLERANCE,
  };
  if (summary.agrees === false)
    process.stderr.write(
      `warning: ${summaryFile} states ${stated} but the per-image file averages to ${recomputed} (difference ${Math.abs(stated! - recomputed).toPrecision(3)})\n`,
    );

  const progress = createProgress(!ctx.json);
  const run = await resolveRun(ctx.client, { ...options, method: options.method ?? "eval" });
  let uploaded = 0;
  if (options.images !== false) {
    const files = new Map<string, string>();
    for (const sample of samples) {
      const file = path.join(samplesDir, sample.file);
      const sha = hashFile(file);
      files.set(sha, file);
      sample.imageSha256 = sha;
    }
    uploaded = await uploadImages(ctx.client, files, progress);
  }
  progress.start(samples.length, "samples");
  const result = await ctx.client.logSamples(
    run.id,
    samples.map(({ file: _file, ...sample }) => sample),
    { overwrite: options.overwrite, onProgress: (n) => progress.advance(n) },
  );
  progress.stop();
  const prompts = new Set(samples.map((s) => (typeof s.prompt === "string" ? s.prompt : s.prompt.externalId))).size;
  report(
    ctx,
    {
      runId: run.id,
      url: run.url,
      category,
      metric: evaluator.metric,
      judge: evaluator.judge,
      furtherJudges: extras.map((e) => e.evaluator.judge),
      resultFile,
      prompts,
      samples: result.samples.inserted,
      judgments: result.judgments.inserted,
      images: uploaded,
      gen: recomputed * 100,
      summary,
      unchanged: { samples: result.samples.unchanged, judgments: result.judgments.unchanged },
    },
    `Imported ${samples.length} T2I-CompBench ${category} images (${prompts} prompts, ${evaluator.metric} as judge ${evaluator.judge}${extras.length ? `; further judges ${extras.map((e) => e.evaluator.judge).join(", ")}` : ""}) into ${run.url}: ${result.samples.inserted} new samples, ${result.judgments.inserted} new judgments, ${uploaded} new images. Gen = ${(recomputed * 100).toFixed(2)}` +
      (stated === null
        ? " (no summary file to compare)."
        : summary.agrees
          ? ` (the evaluator's summary says ${(stated * 100).toFixed(2)}: agrees).`
          : ` — but the evaluator's summary says ${(stated * 100).toFixed(2)}: DISAGREES.`),
  );
}
