import fs from "node:fs";
import path from "node:path";

import { genevalImageCandidates, genevalToSamples, parseGenevalLine } from "./geneval-format";
import { hashFile, uploadImages } from "./images";
import { createProgress } from "./progress";
import { report, resolveRun, type TContext, type TRunOptions } from "./context";

export type TGenevalOptions = TRunOptions & { step: string; images?: string };

/** `unigap import geneval results.jsonl --run NAME --step N [--images DIR]` */
export async function importGeneval(ctx: TContext, file: string, options: TGenevalOptions): Promise<void> {
  const step = Number(options.step);
  if (!Number.isInteger(step) || step < 0) throw new Error(`--step must be a non-negative integer, not "${options.step}".`);
  const lines = fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((text, i) => ({ text, no: i + 1 }))
    .filter((l) => l.text.trim())
    .map((l) => parseGenevalLine(l.text, l.no));
  const samples = genevalToSamples(lines, step);
  const progress = createProgress(!ctx.json);
  const run = await resolveRun(ctx.client, { ...options, method: options.method ?? "eval" });

  let images = 0;
  if (options.images) {
    const files = new Map<string, string>();
    for (const sample of samples) {
      const found = genevalImageCandidates(options.images, sample.imagePath, path.join).find((f) => fs.existsSync(f));
      if (!found) throw new Error(`image not found for ${sample.imagePath} under ${options.images}`);
      const sha = hashFile(found);
      files.set(sha, found);
      sample.imageSha256 = sha;
    }
    images = await uploadImages(ctx.client, files, progress);
  }

  progress.start(samples.length, "samples");
  const result = await ctx.client.logSamples(
    run.id,
    samples.map(({ imagePath: _path, ...sample }) => sample),
    { overwrite: options.overwrite, onProgress: (n) => progress.advance(n) },
  );
  progress.stop();
  report(
    ctx,
    {
      runId: run.id,
      url: run.url,
      samples: result.samples.inserted,
      judgments: result.judgments.inserted,
      images,
      unchanged: { samples: result.samples.unchanged, judgments: result.judgments.unchanged },
    },
    `Imported ${samples.length} GenEval images into ${run.url}: ${result.samples.inserted} new samples, ${result.judgments.inserted} new judgments, ${images} new images (${result.samples.unchanged} samples were there already).`,
  );
}
