import "server-only";

import { createHash } from "node:crypto";
import path from "node:path";

import sharp from "sharp";

import { AppError } from "@/lib/errors";

import { findBlobRoot, findBlobRow, findExistingBlobHashes, insertBlobRow, insertBlobRows, type TBlobRow } from "./blob-repository";
import { sniffImageType } from "./image-type";
import { blobKey, getObjectStore } from "./object-store";
import type { TObjectRead } from "./object-types";
import { isCompletePng } from "./png-structure";

// Images are content-addressed objects at blobs/ab/cd/<sha256> in the object store (the local data
// folder, or a bucket with UNIGAP_S3_BUCKET); the blobs row is written only after the object is
// complete (atomic rename on disk, a finished PutObject in a bucket), so a row always has its bytes.

export const BLOB_LIMITS = { maxBytes: 20 * 1024 * 1024, maxPixels: 40_000_000 } as const;
const SHA256 = /^[0-9a-f]{64}$/;

function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/** The file of a blob in the local store (the dataset export reads it from there). */
export async function blobPath(sha256: string): Promise<string> {
  return path.join(await findBlobRoot(), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/**
 * Validates and stores an image: the hash must match, the bytes must be PNG, JPEG or WebP by their
 * magic bytes, at most 20 MB and 40 megapixels. Storing the same bytes twice is a no-op (`isNew` false).
 */
export async function storeBlob(bytes: Uint8Array, expectedSha256?: string): Promise<TBlobRow & { isNew: boolean }> {
  const sha256 = hashImageBytes(bytes, expectedSha256);
  const store = await getObjectStore();
  const existing = await findBlobRow(sha256);
  if (existing && (await store.head(blobKey(sha256)))) return { ...existing, isNew: false };
  const row = { sha256, ...(await inspectImage(bytes)) };
  await store.put(blobKey(sha256), bytes, { contentType: row.mediaType, sha256 });
  const isNew = await insertBlobRow(row);
  return { ...row, isNew };
}

/**
 * storeBlob for many images at once (seeding, bulk imports): the same checks per image, one query for
 * which exist and one insert for the new rows. Returns each image's sha256 in input order.
 */
export async function storeBlobs(images: readonly Uint8Array[]): Promise<string[]> {
  const hashes = images.map((bytes) => hashImageBytes(bytes));
  const store = await getObjectStore();
  const existing = await findExistingBlobHashes([...new Set(hashes)]);
  const fresh = new Map<string, { row: TBlobRow; bytes: Uint8Array }>();
  for (const [i, bytes] of images.entries()) {
    const sha256 = hashes[i]!;
    if (fresh.has(sha256) || (existing.has(sha256) && (await store.head(blobKey(sha256))))) continue;
    fresh.set(sha256, { row: { sha256, ...(await inspectImage(bytes)) }, bytes });
  }
  // Every image is checked before any is written: a bad one in the batch stores nothing.
  for (const { row, bytes } of fresh.values()) await store.put(blobKey(row.sha256), bytes, { contentType: row.mediaType, sha256: row.sha256 });
  await insertBlobRows([...fresh.values()].map((f) => f.row));
  return hashes;
}

export function hashImageBytes(bytes: Uint8Array, expectedSha256?: string): string {
  if (bytes.byteLength === 0) throw new AppError("INVALID_INPUT", "The image is empty.");
  if (bytes.byteLength > BLOB_LIMITS.maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `Images are limited to ${BLOB_LIMITS.maxBytes / 1024 / 1024} MB.`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (expectedSha256 && expectedSha256 !== sha256) {
    throw new AppError("INVALID_INPUT", `Invalid input at sha256: the bytes hash to ${sha256}, not ${expectedSha256}.`, {
      field: "sha256",
      expected: expectedSha256,
      actual: sha256,
    });
  }
  return sha256;
}

export async function inspectImage(bytes: Uint8Array): Promise<Omit<TBlobRow, "sha256">> {
  const mediaType = sniffImageType(bytes);
  if (!mediaType) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Only PNG, JPEG and WebP images are accepted (checked by their content, not the header).");
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes, { limitInputPixels: BLOB_LIMITS.maxPixels }).metadata();
    width = meta.width ?? 0;
    height = meta.height ?? 0;
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The image cannot be decoded: ${(error as Error).message}`);
  }
  if (width <= 0 || height <= 0) throw new AppError("INVALID_INPUT", "The image has no size.");
  // The header alone decodes for a PNG cut off in transit: its chunks must reach IEND.
  if (mediaType === "image/png" && !isCompletePng(bytes)) throw new AppError("INVALID_INPUT", "The PNG is truncated: its chunks end before IEND.");
  if (width * height > BLOB_LIMITS.maxPixels) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The image has ${width}×${height} pixels; the limit is ${BLOB_LIMITS.maxPixels / 1e6} megapixels.`);
  }
  return { mediaType, byteSize: bytes.byteLength, width, height };
}

/** The stored bytes of a blob, or null when neither row nor object exists. */
export async function readBlob(sha256: string): Promise<{ row: TBlobRow; bytes: Buffer } | null> {
  if (!isSha256(sha256)) return null;
  const row = await findBlobRow(sha256);
  if (!row) return null;
  const bytes = await (await getObjectStore()).get(blobKey(sha256));
  return bytes ? { row, bytes } : null;
}

/** A blob's bytes as a stream (never whole in memory), or null when row or object is missing. */
export async function openBlob(sha256: string): Promise<{ row: TBlobRow; object: TObjectRead } | null> {
  const row = await findBlob(sha256);
  if (!row) return null;
  const object = await readBlobObject(sha256);
  return object ? { row, object } : null;
}

/** A blob's row, or null (also for something that is not a sha256). */
export async function findBlob(sha256: string): Promise<TBlobRow | null> {
  return isSha256(sha256) ? findBlobRow(sha256) : null;
}

/** A blob's bytes, whole or the inclusive byte range, streamed; null when the object is missing. */
export async function readBlobObject(sha256: string, range?: { start: number; end: number }): Promise<TObjectRead | null> {
  return (await getObjectStore()).read(blobKey(sha256), range);
}
