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
import { blobKey, getObjectStore } from "@/lib/storage/object-store";
import type { TObjectRead, TObjectStore } from "@/lib/storage/object-types";

import { datasetCard } from "./dataset-card";
import { listExportLines, type TExportLine } from "./export-repository";
import { requireReadableDataset, type TDatasetView } from "./service";

// The trainer's archive, streamed: images/<sha256>.<ext> once each, sft.jsonl + metadata.jsonl (a
// Hugging Face imagefolder) or dpo.jsonl (diffusers' Diffusion-DPO columns), README.md and
// manifest.json with the SHA-256 of every file. The JSONL lines are built by the database (keyset
// pages, export-repository.ts) into temporary files (tar needs each entry's size first). Images
// stream from the object store (the data folder or the S3 bucket, lib/storage/object-store.ts), a
// few opened ahead while the tar writes the current one, each written only as fast as the download
// reads it. Every image is looked up (HEAD, in parallel) before the first byte, so a missing one
// fails the request; one that vanishes mid-way aborts the stream: never a short archive.

const PAGE = 2000;
/** Concurrent HEADs while checking the images, and images opened ahead of the one being written. */
const HEAD_CONCURRENCY = 16;
const READ_AHEAD = 8;
const PRODUCT_VERSION = "unigap 0.1.0";

async function* allLines(datasetId: string, kind: "sft" | "dpo"): AsyncGenerator<TExportLine> {
  let after = -1;
  for (;;) {
    const page = await listExportLines(datasetId, kind, after, PAGE);
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
async function writeLine(out: TJsonl, text: string): Promise<void> {
  const line = Buffer.from(`${text}\n`);
  out.hash.update(line);
  out.bytes += line.length;
  out.rows += 1;
  if (!out.stream.write(line)) await new Promise<void>((resolve) => out.stream.once("drain", () => resolve()));
}
async function closeJsonl(out: TJsonl): Promise<void> {
  await new Promise<void>((resolve, reject) => out.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

type TImageRef = { sha256: string; sampleId: string; size: number };

/** Every image's size from the store, HEAD_CONCURRENCY at a time; throws naming the first sample whose image is missing. */
async function checkImages(store: TObjectStore, images: Map<string, TImageRef>): Promise<void> {
  const refs = [...images.values()];
  let next = 0;
  const worker = async () => {
    while (next < refs.length) {
      const ref = refs[next++]!;
      const head = await store.head(blobKey(ref.sha256));
      if (!head)
        throw new AppError(
          "CONFLICT",
          `The image of sample ${ref.sampleId} (${ref.sha256}) is missing from blob storage: the export stops rather than writing a short archive.`,
          { sampleId: ref.sampleId },
        );
      ref.size = head.size;
    }
  };
  await Promise.all(Array.from({ length: Math.min(HEAD_CONCURRENCY, refs.length) }, worker));
}

/** Writes the JSONL files and collects the distinct images, checked in the store; throws naming the first sample without its image. */
async function prepare(dataset: TDatasetView, dir: string, store: TObjectStore) {
  const images = new Map<string, TImageRef>();
  const files = dataset.kind === "sft" ? [openJsonl(dir, "sft.jsonl"), openJsonl(dir, "metadata.jsonl")] : [openJsonl(dir, "dpo.jsonl")];
  const need = (img: TExportLine["chosen"]): void => {
    if (!img.sha256 || !img.fileName)
      throw new AppError("CONFLICT", `Sample ${img.sampleId} has no image: the export stops rather than writing a short archive.`, { sampleId: img.sampleId });
    if (!images.has(img.fileName)) images.set(img.fileName, { sha256: img.sha256, sampleId: img.sampleId, size: -1 });
  };
  try {
    await writeRows(dataset, files, need);
  } catch (error) {
    await Promise.all(files.map((f) => new Promise<void>((resolve) => f.stream.destroy().once("close", () => resolve()))));
    throw error;
  }
  for (const f of files) await closeJsonl(f);
  await checkImages(store, images);
  return { images, files };
}

async function writeRows(dataset: TDatasetView, files: TJsonl[], need: (img: TExportLine["chosen"]) => void): Promise<void> {
  for await (const row of allLines(dataset.id, dataset.kind)) {
    need(row.chosen);
    if (row.rejected) need(row.rejected);
    for (const f of files) await writeLine(f, row.line);
  }
}

async function addFile(pack: tar.Pack, name: string, file: string, size: number): Promise<void> {
  const entry = pack.entry({ name, size, mode: 0o644 });
  await pipeline(fs.createReadStream(file), entry);
}

/** The images in name order, READ_AHEAD opened ahead; an image gone or changed in size since its HEAD aborts the archive. */
async function addImages(pack: tar.Pack, store: TObjectStore, images: [string, TImageRef][], hashes: Record<string, string>): Promise<void> {
  const opened: Promise<TObjectRead | null>[] = [];
  let next = 0;
  try {
    for (const [name, ref] of images) {
      while (opened.length < READ_AHEAD && next < images.length) opened.push(store.read(blobKey(images[next++]![1].sha256)));
      const object = await opened.shift()!;
      if (!object || object.size !== ref.size) {
        await object?.body.cancel();
        throw new Error(`The image ${ref.sha256} (sample ${ref.sampleId}) changed in blob storage during the export: the archive is aborted.`);
      }
      await pipeline(Readable.fromWeb(object.body as never), pack.entry({ name, size: ref.size, mode: 0o644 }));
      hashes[name] = ref.sha256;
    }
  } finally {
    // Images opened ahead of a failure: close their streams.
    for (const pending of opened) void pending.then((o) => o?.body.cancel()).catch(() => undefined);
  }
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
  const store = await getObjectStore();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-export-"));
  let prepared: Awaited<ReturnType<typeof prepare>>;
  try {
    prepared = await prepare(dataset, dir, store);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const pack = tar.pack();
  const out = options.gzip ? pack.pipe(zlib.createGzip()) : pack.pipe(new PassThrough());
  void (async () => {
    const hashes: Record<string, string> = {};
    await addImages(
      pack,
      store,
      [...prepared.images].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      hashes,
    );
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
