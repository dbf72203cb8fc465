import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { genevalImageCandidates, genevalToSamples, parseGenevalMetadataList, sameGenevalSpec } from "./geneval-format";
import { hashFile, uploadImages } from "./images";
import { describeLineErrors } from "./line-errors";
import { createProgress } from "./progress";
import { report, resolveRun, type TContext, type TRunOptions } from "./context";

export type TGenevalOptions = TRunOptions & { step: string; images?: string; metadata?: string };

// GenEval's 553 prompts as shipped (MIT, licence beside them): the canonical text and spec of each.
const METADATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "prisma", "seed", "data", "geneval", "evaluation_metadata.jsonl");

/** `unigap import geneval results.jsonl --run NAME --step N [--images DIR]` */
export async function importGeneval(ctx: TContext, file: string, options: TGenevalOptions): Promise<void> {
  const step = Number(options.step);
  if (!Number.isInteger(step) || step < 0) throw new Error(`--step must be a non-negative integer, not "${options.step}".`);
  const shipped = parseGenevalMetadataList(fs.readFileSync(options.metadata ?? METADATA, "utf8"));
  const samples = genevalToSamples(file, fs.readFileSync(file, "utf8"), shipped, step);

  // Every image is found before anything is sent: a missing one fails the file, not half of it.
  const files = new Map<string, string>();
  if (options.images) {
    const problems: { line: number; message: string }[] = [];
    for (const sample of samples) {
      const found = genevalImageCandidates(options.images, sample.imagePath, path.join).find((f) => fs.existsSync(f));
      if (!found) {
        problems.push({ line: sample.line, message: `image ${sample.imagePath.slice(-120)} not found under ${options.images}` });
        continue;
      }
      // The folder's own metadata.jsonl (one object) must describe the prompt the line was joined to.
      const folderMeta = path.join(path.dirname(path.dirname(found)), "metadata.jsonl");
      if (fs.existsSync(folderMeta) && typeof sample.prompt !== "string") {
        const text = fs.readFileSync(folderMeta, "utf8").trim().split(/\r?\n/)[0] ?? "";
        let meta: Record<string, unknown> | null = null;
        try {
          meta = JSON.parse(text) as Record<string, unknown>;
        } catch {
          meta = null;
        }
        if (!meta || !sameGenevalSpec(meta, sample.prompt.spec as Record<string, unknown>)) {
          problems.push({ line: sample.line, message: `${folderMeta.slice(-120)} does not describe GenEval prompt ${sample.prompt.externalId}` });
          continue;
        }
      }
      const sha = hashFile(found);
      files.set(sha, found);
      sample.imageSha256 = sha;
    }
    if (problems.length > 0) throw new Error(describeLineErrors(file, problems));
  }
  const progress = createProgress(!ctx.json);
  const run = await resolveRun(ctx.client, { ...options, method: options.method ?? "eval" });
  const images = options.images ? await uploadImages(ctx.client, files, progress) : 0;

  progress.start(samples.length, "samples");
  const result = await ctx.client.logSamples(
    run.id,
    samples.map(({ imagePath: _path, line: _line, ...sample }) => sample),
    { overwrite: options.overwrite, onProgress: (n) => progress.advance(n) },
  );
  progress.stop();
  const rewritten = samples.filter((s) => typeof s.prompt !== "string" && s.generationPrompt !== s.prompt.text).length;
  report(
    ctx,
    {
      runId: run.id,
      url: run.url,
      samples: result.samples.inserted,
      judgments: result.judgments.inserted,
      images,
      rewrittenPrompts: rewritten,
      unchanged: { samples: result.samples.unchanged, judgments: result.judgments.unchanged },
    },
    `Imported ${samples.length} GenEval images into ${run.url}: ${result.samples.inserted} new samples, ${result.judgments.inserted} new judgments, ${images} new images (${result.samples.unchanged} samples were there already)` +
      (rewritten ? `; ${rewritten} were generated from rewritten prompts, kept beside GenEval's text.` : "."),
  );
}
