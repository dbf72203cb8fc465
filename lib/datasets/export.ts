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
import { listExportImages, listExportLines } from "./export-repository";
import { requireReadableDataset, type TDatasetView } from "./service";

// The trainer's archive, streamed: images/<sha256>.<ext> once each, sft.jsonl + metadata.jsonl (a
// Hugging Face imagefolder) or dpo.jsonl (diffusers' Diffusion-DPO columns), README.md and
// manifest.json with the SHA-256 of every file. The JSONL lines are built by the database (keyset
// pages, export-repository.ts) into temporary files (tar needs each entry's size first). Images
// stream from the object store (the data folder or the S3 bucket, lib/storage/object-store.ts), a
// few opened ahead while the tar writes the current one, each written only as fast as the download
// reads it. Every image is looked up (HEAD, in parallel) before the first byte, so a missing one
// fails the request; one that vanishes mid-way aborts the stream: never a short archive.

const PAGE = 1000;
/** Pages of lines read from the database at once. */
const LINE_PAGES_AHEAD = 2;
/** Concurrent HEADs while checking the images, and images opened ahead of the one being written. */
const HEAD_CONCURRENCY = 16;
const READ_AHEAD = 6;
/** Images up to this size are read whole (at most READ_AHEAD of them in memory); larger ones stream. */
const WHOLE_IMAGE_BYTES = 4 * 1024 * 1024;
const PRODUCT_VERSION = "unigap 0.1.0";

type TJsonl = { name: string; file: string; stream: fs.WriteStream; hash: ReturnType<typeof createHash>; bytes: number; rows: number };
function openJsonl(dir: string, name: string): TJsonl {
  const file = path.join(dir, name);
  // Opened synchronously, so a failed export can close it before its folder is removed.
  return { name, file, stream: fs.createWriteStream(file, { fd: fs.openSync(file, "w") }), hash: createHash("sha256"), bytes: 0, rows: 0 };
}
/** A page of lines in one write (and one hash update), waiting for the file when it is behind. */
async function writeLines(out: TJsonl, lines: readonly string[]): Promise<void> {
  const chunk = Buffer.from(`${lines.join("\n")}\n`);
  out.hash.update(chunk);
  out.bytes += chunk.length;
  out.rows += lines.length;
  if (!out.stream.write(chunk)) await new Promise<void>((resolve) => out.stream.once("drain", () => resolve()));
}
async function closeJsonl(out: TJsonl): Promise<void> {
  await new Promise<void>((resolve, reject) => out.stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/**
 * The dataset's lines in its order into one JSONL file (SFT: sft.jsonl, which the archive also
 * carries as metadata.jsonl). Items sit at positions 0…n−1, so the pages are known up front and
 * LINE_PAGES_AHEAD of them are read at once (the database works on one while the app writes another),
 * written in order. A count that does not add up to the set's size aborts the archive.
 */
async function writeJsonl(dataset: TDatasetView, dir: string): Promise<TJsonl> {
  const out = openJsonl(dir, dataset.kind === "sft" ? "sft.jsonl" : "dpo.jsonl");
  const pages = Math.ceil(dataset.itemCount / PAGE);
  const ahead: ReturnType<typeof listExportLines>[] = [];
  let next = 0;
  try {
    for (let page = 0; page < pages; page++) {
      while (ahead.length < LINE_PAGES_AHEAD && next < pages) ahead.push(listExportLines(dataset.id, dataset.kind, next++ * PAGE - 1, PAGE));
      const rows = await ahead.shift()!;
      if (rows.length > 0)
        await writeLines(
          out,
          rows.map((r) => r.line),
        );
    }
    if (out.rows !== dataset.itemCount) throw new Error(`Dataset ${dataset.id} has ${out.rows} lines for ${dataset.itemCount} items: the archive is aborted.`);
  } catch (error) {
    for (const pending of ahead) pending.catch(() => undefined);
    await new Promise<void>((resolve) => out.stream.destroy().once("close", () => resolve()));
    throw error;
  }
  await closeJsonl(out);
  return out;
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

/** The archive's distinct images in name order, each found in the store; throws naming a sample without an image or whose image is missing. */
async function collectImages(datasetId: string, store: TObjectStore): Promise<[string, TImageRef][]> {
  const images = new Map<string, TImageRef>();
  for (const r of await listExportImages(datasetId)) {
    if (!r.sha256 || !r.fileName)
      throw new AppError("CONFLICT", `Sample ${r.sampleId} has no image: the export stops rather than writing a short archive.`, { sampleId: r.sampleId });
    if (!images.has(r.fileName)) images.set(r.fileName, { sha256: r.sha256, sampleId: r.sampleId, size: -1 });
  }
  await checkImages(store, images);
  return [...images].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

async function addFile(pack: tar.Pack, name: string, file: string, size: number): Promise<void> {
  const entry = pack.entry({ name, size, mode: 0o644 });
  await pipeline(fs.createReadStream(file), entry);
}

type TFetched = { kind: "bytes"; bytes: Buffer | null } | { kind: "stream"; object: TObjectRead | null };

/** An image whole when it is small (one read, no stream per file), else as a stream. */
function fetchImage(store: TObjectStore, ref: TImageRef): Promise<TFetched> {
  const key = blobKey(ref.sha256);
  return ref.size <= WHOLE_IMAGE_BYTES
    ? store.get(key).then((bytes) => ({ kind: "bytes" as const, bytes }))
    : store.read(key).then((object) => ({ kind: "stream" as const, object }));
}

function release(fetched: TFetched): void {
  if (fetched.kind === "stream") void fetched.object?.body.cancel().catch(() => undefined);
}

/**
 * The images in name order, READ_AHEAD fetched ahead of the one being written; each waits for the
 * tar (and so the download) to take it. An image gone or changed in size since its HEAD aborts the archive.
 */
async function addImages(pack: tar.Pack, store: TObjectStore, images: [string, TImageRef][], hashes: Record<string, string>): Promise<void> {
  const ahead: Promise<TFetched>[] = [];
  let next = 0;
  try {
    for (const [name, ref] of images) {
      while (ahead.length < READ_AHEAD && next < images.length) ahead.push(fetchImage(store, images[next++]![1]));
      const fetched = await ahead.shift()!;
      const size = fetched.kind === "bytes" ? fetched.bytes?.length : fetched.object?.size;
      if (size !== ref.size) {
        release(fetched);
        throw new Error(`The image ${ref.sha256} (sample ${ref.sampleId}) changed in blob storage during the export: the archive is aborted.`);
      }
      if (fetched.kind === "bytes") {
        await new Promise<void>((resolve, reject) =>
          pack.entry({ name, size: ref.size, mode: 0o644 }, fetched.bytes!, (error) => (error ? reject(error) : resolve())),
        );
      } else {
        await pipeline(Readable.fromWeb(fetched.object!.body as never), pack.entry({ name, size: ref.size, mode: 0o644 }));
      }
      hashes[name] = ref.sha256;
    }
  } finally {
    // Images fetched ahead of a failure: close their streams.
    for (const pending of ahead) void pending.then(release).catch(() => undefined);
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
  // Before the first byte: every image exists. Then the lines are written while the images stream.
  const images = await collectImages(dataset.id, store);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-export-"));
  const lines = writeJsonl(dataset, dir);
  lines.catch(() => undefined); // awaited below; a failure aborts the archive there
  const pack = tar.pack();
  const out = options.gzip ? pack.pipe(zlib.createGzip()) : pack.pipe(new PassThrough());
  void (async () => {
    const hashes: Record<string, string> = {};
    await addImages(pack, store, images, hashes);
    const jsonl = await lines;
    const names = dataset.kind === "sft" ? ["sft.jsonl", "metadata.jsonl"] : ["dpo.jsonl"];
    const digest = jsonl.hash.digest("hex");
    for (const name of names) {
      await addFile(pack, name, jsonl.file, jsonl.bytes);
      hashes[name] = digest;
    }
    const rows = Object.fromEntries(names.map((name) => [name, jsonl.rows]));
    const card = Buffer.from(datasetCard(dataset, rows, images.length));
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
      counts: { ...(dataset.counts as object), items: dataset.itemCount, pool: dataset.poolCount, images: images.length, rows },
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
    .finally(async () => {
      await lines.catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  const safe =
    dataset.name
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "dataset";
  return { body: Readable.toWeb(out) as ReadableStream, fileName: `${safe}.${options.gzip ? "tar.gz" : "tar"}` };
}
