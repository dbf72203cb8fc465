import "server-only";

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";

import tar from "tar-stream";

import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { blobPath } from "@/lib/storage/blob-store";

import { datasetCard } from "./dataset-card";
import { listExportPage, type TExportImage, type TExportRow } from "./export-repository";
import { requireReadableDataset, type TDatasetView } from "./service";

// The trainer's archive, streamed: images/<sha256>.<ext> once each, sft.jsonl + metadata.jsonl (a
// Hugging Face imagefolder) or dpo.jsonl (diffusers' Diffusion-DPO columns), README.md and
// manifest.json with the SHA-256 of every file. Rows are read in pages into temporary JSONL files
// (tar needs each entry's size first); images stream from blob storage. A missing image is an error
// before the first byte, and a file that vanishes mid-way aborts the stream: never a short archive.

const PAGE = 2000;
const EXT: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };
const PRODUCT_VERSION = "unigap 0.1.0";

const fileName = (img: TExportImage) => `images/${img.sha256}.${EXT[img.mediaType ?? ""] ?? "bin"}`;

async function* allRows(datasetId: string): AsyncGenerator<TExportRow> {
  let after = -1;
  for (;;) {
    const page = await listExportPage(datasetId, after, PAGE);
    for (const row of page) yield row;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.position;
  }
}

type TJsonl = { name: string; file: string; stream: fs.WriteStream; hash: ReturnType<typeof createHash>; bytes: number; rows: number };
function openJsonl(dir: string, name: string): TJsonl {
  const file = path.join(dir, name);
  // Opened synchronously, so a failed export can close it before its folder is removed.
  return { name, file, stream: fs.createWriteStream(file, { fd: fs.openSync(file, "w") }), hash: createHash("sha256"), bytes: 0, rows: 0 };
}
async function writeLine(out: TJsonl, value: unknown): Promise<void> {
  const line = Buffer.from(`${JSON.stringify(value)}\n`);
  out.hash.update(line);
  out.bytes += line.length;
  out.rows += 1;
  if (!out.stream.write(line)) await new Promise<void>((resolve) => out.stream.once("drain", () => resolve()));
}
async function closeJsonl(out: TJsonl): Promise<void> {
  await new Promise<void>((resolve, reject) => out.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Writes the JSONL files and collects the distinct images; throws naming the first sample without its image. */
async function prepare(dataset: TDatasetView, dir: string) {
  const images = new Map<string, string>();
  const files = dataset.kind === "sft" ? [openJsonl(dir, "sft.jsonl"), openJsonl(dir, "metadata.jsonl")] : [openJsonl(dir, "dpo.jsonl")];
  const need = async (img: TExportImage): Promise<string> => {
    if (!img.sha256)
      throw new AppError("CONFLICT", `Sample ${img.sampleId} has no image: the export stops rather than writing a short archive.`, { sampleId: img.sampleId });
    const name = fileName(img);
    if (!images.has(name)) {
      if (!fs.existsSync(await blobPath(img.sha256)))
        throw new AppError(
          "CONFLICT",
          `The image of sample ${img.sampleId} (${img.sha256}) is missing from blob storage: the export stops rather than writing a short archive.`,
          { sampleId: img.sampleId },
        );
      images.set(name, img.sha256);
    }
    return name;
  };
  try {
    await writeRows(dataset, files, need);
  } catch (error) {
    await Promise.all(files.map((f) => new Promise<void>((resolve) => f.stream.destroy().once("close", () => resolve()))));
    throw error;
  }
  for (const f of files) await closeJsonl(f);
  return { images, files };
}

async function writeRows(dataset: TDatasetView, files: TJsonl[], need: (img: TExportImage) => Promise<string>): Promise<void> {
  for await (const row of allRows(dataset.id)) {
    const common = { prompt: row.prompt, prompt_id: row.promptExternalId, benchmark: row.benchmark, subtask: row.subtask, round: row.round };
    if (dataset.kind === "sft") {
      const c = row.chosen;
      const line = {
        file_name: await need(c),
        ...common,
        candidate: c.candidate,
        self_verdict: c.selfVerdict,
        self_prob: c.selfProb,
        external_verdict: c.externalVerdict,
        sample_id: c.sampleId,
      };
      for (const f of files) await writeLine(f, line);
    } else {
      const c = row.chosen,
        r = row.rejected!;
      await writeLine(files[0]!, {
        caption: row.prompt,
        jpg_0: await need(c),
        jpg_1: await need(r),
        label_0: 1,
        chosen: c.sampleId,
        rejected: r.sampleId,
        ...common,
        chosen_self_verdict: c.selfVerdict,
        chosen_self_prob: c.selfProb,
        chosen_external_verdict: c.externalVerdict,
        rejected_self_verdict: r.selfVerdict,
        rejected_self_prob: r.selfProb,
        rejected_external_verdict: r.externalVerdict,
      });
    }
  }
}

async function addFile(pack: tar.Pack, name: string, file: string, size: number): Promise<void> {
  const entry = pack.entry({ name, size, mode: 0o644 });
  await pipeline(fs.createReadStream(file), entry);
}

/** The archive as a web stream, and its file name. At-risk datasets need `acknowledgeRisk`. */
export async function exportDataset(
  actor: TActor,
  datasetId: string,
  options: { gzip: boolean; acknowledgeRisk: boolean },
): Promise<{ body: ReadableStream; fileName: string }> {
  const dataset = { ...(await requireReadableDataset(actor, datasetId)), risk: { atRisk: false, reasons: [] as string[] } };
  dataset.risk = { atRisk: dataset.atRisk, reasons: dataset.riskReasons };
  if (dataset.atRisk && !options.acknowledgeRisk) {
    throw new AppError("INVALID_INPUT", `This dataset is at risk of co-degradation; export it with acknowledgeRisk=true. ${dataset.riskReasons.join(" ")}`, {
      field: "acknowledgeRisk",
    });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-export-"));
  let prepared: Awaited<ReturnType<typeof prepare>>;
  try {
    prepared = await prepare(dataset, dir);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const pack = tar.pack();
  const out = options.gzip ? pack.pipe(zlib.createGzip()) : pack.pipe(new PassThrough());
  void (async () => {
    const hashes: Record<string, string> = {};
    for (const [name, sha] of [...prepared.images].sort()) {
      const file = await blobPath(sha);
      await addFile(pack, name, file, fs.statSync(file).size);
      hashes[name] = sha;
    }
    for (const f of prepared.files) {
      await addFile(pack, f.name, f.file, f.bytes);
      hashes[f.name] = f.hash.digest("hex");
    }
    const rows = Object.fromEntries(prepared.files.map((f) => [f.name, f.rows]));
    const card = Buffer.from(datasetCard(dataset, rows, prepared.images.size));
    pack.entry({ name: "README.md", mode: 0o644 }, card);
    hashes["README.md"] = createHash("sha256").update(card).digest("hex");
    const manifest = {
      datasetId: dataset.id,
      name: dataset.name,
      kind: dataset.kind,
      recipe: dataset.recipe,
      resolvedRecipe: dataset.resolvedRecipe,
      source: {
        runId: dataset.sourceRunId,
        runName: dataset.sourceRunName,
        step: dataset.sourceStep,
        round: dataset.round,
        previousDatasetId: dataset.previousId,
      },
      judge: dataset.judge,
      counts: { ...(dataset.counts as object), items: dataset.itemCount, pool: dataset.poolCount, images: prepared.images.size, rows },
      gate: dataset.gate,
      risk: dataset.risk,
      riskAcknowledgedAt: dataset.riskAcknowledgedAt,
      ledger: dataset.ledger,
      contentHash: dataset.contentHash,
      createdAt: dataset.createdAt,
      productVersion: PRODUCT_VERSION,
      files: hashes,
    };
    pack.entry({ name: "manifest.json", mode: 0o644 }, `${JSON.stringify(manifest, null, 2)}\n`);
    pack.finalize();
  })()
    .catch((error: unknown) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      pack.destroy(failure);
      out.destroy(failure);
    })
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
  const safe =
    dataset.name
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "dataset";
  return { body: Readable.toWeb(out) as ReadableStream, fileName: `${safe}.${options.gzip ? "tar.gz" : "tar"}` };
}
