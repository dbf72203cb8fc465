import fs from "node:fs";
import path from "node:path";

import type { TSampleIn } from "../lib/api-client/client";

import { report, resolveRun, type TContext, type TRunOptions } from "./context";
import { hashFile, uploadImages } from "./images";
import { createProgress } from "./progress";

export type TSamplesOptions = TRunOptions & { images?: string };

type TSampleLine = TSampleIn & { image?: string };

/**
 * `unigap import samples file.jsonl --run NAME`: one sample per line in the API's sample schema
 * (see /docs/api), plus an optional "image": a file path relative to --images (default: the
 * file's folder), uploaded and referenced by its sha256.
 */
export async function importSamples(ctx: TContext, file: string, options: TSamplesOptions): Promise<void> {
  const imagesDir = options.images ?? path.dirname(file);
  const samples: TSampleIn[] = [];
  const files = new Map<string, string>();
  fs.readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((text, i) => {
      if (!text.trim()) return;
      let line: TSampleLine;
      try {
        line = JSON.parse(text) as TSampleLine;
      } catch (error) {
        throw new Error(`line ${i + 1}: not JSON (${(error as Error).message})`);
      }
      const { image, ...sample } = line;
      if (image) {
        const found = path.resolve(imagesDir, image);
        if (!fs.existsSync(found)) throw new Error(`line ${i + 1}: image ${found} not found`);
        sample.imageSha256 = hashFile(found);
        files.set(sample.imageSha256, found);
      }
      samples.push(sample);
    });
  const progress = createProgress(!ctx.json);
  const run = await resolveRun(ctx.client, options);
  const images = files.size > 0 ? await uploadImages(ctx.client, files, progress) : 0;
  progress.start(samples.length, "samples");
  const result = await ctx.client.logSamples(run.id, samples, { overwrite: options.overwrite, onProgress: (n) => progress.advance(n) });
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
    `Imported ${samples.length} samples into ${run.url}: ${result.samples.inserted} new, ${result.judgments.inserted} new judgments, ${images} new images.`,
  );
}
