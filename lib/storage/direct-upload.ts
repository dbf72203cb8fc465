import "server-only";

import { randomBytes } from "node:crypto";

import { AppError } from "@/lib/errors";

import { findBlobRow, insertBlobRow, type TBlobRow } from "./blob-repository";
import { BLOB_LIMITS, hashImageBytes, inspectImage } from "./blob-store";
import { blobKey, findS3Store } from "./object-store";
import type { S3ObjectStore } from "./s3-object-store";

// Direct uploads (S3 mode only): the blob check hands out one presigned PUT URL per missing image,
// to a staging key uploads/<sha256>/<uploadId> that only that URL writes; the client sends the bytes
// straight to the bucket, then confirms. The server then reads the staged object once (streamed,
// hashing as it goes, stopping past the size limit), checks it exactly as an upload through the app
// (size, sha256, type by magic bytes, dimensions, pixel limit, a complete PNG), copies it inside the
// bucket to blobs/… and only then writes the blob row. A staged object that fails is deleted. The
// final key is written by the server alone, so a presigned URL can never overwrite a verified image.

const UPLOAD_URL_SECONDS = 15 * 60;
const UPLOAD_ID = /^[0-9a-f]{32}$/;

export type TDirectUpload = { sha256: string; uploadId: string; method: "PUT"; url: string; expiresInSeconds: number };

function stagingKey(sha256: string, uploadId: string): string {
  return `uploads/${sha256}/${uploadId}`;
}

/** Presigned PUT URLs for these hashes, or null when blobs are stored locally (upload through the app). */
export async function presignDirectUploads(hashes: readonly string[]): Promise<TDirectUpload[] | null> {
  const store = findS3Store();
  if (!store) return null;
  return Promise.all(
    hashes.map(async (sha256) => {
      const uploadId = randomBytes(16).toString("hex");
      const url = await store.presignPut(stagingKey(sha256, uploadId), UPLOAD_URL_SECONDS);
      return { sha256, uploadId, method: "PUT" as const, url, expiresInSeconds: UPLOAD_URL_SECONDS };
    }),
  );
}

async function readStaged(store: S3ObjectStore, key: string, byteSize: number): Promise<Buffer> {
  const head = await store.head(key);
  if (!head) throw new AppError("CONFLICT", "Nothing was uploaded to this upload's URL (or it was confirmed already): PUT the bytes first.");
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `Images are limited to ${BLOB_LIMITS.maxBytes / 1024 / 1024} MB.`);
  if (head.size > BLOB_LIMITS.maxBytes) throw tooLarge();
  if (head.size !== byteSize) {
    throw new AppError("INVALID_INPUT", `The uploaded object has ${head.size} bytes, not the ${byteSize} declared.`, { expected: byteSize, actual: head.size });
  }
  const object = await store.read(key);
  if (!object) throw new AppError("CONFLICT", "The uploaded object disappeared while it was verified.");
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of object.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > BLOB_LIMITS.maxBytes) throw tooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, total);
}

/**
 * Verifies a directly uploaded image and records it; `created` false when it was stored already.
 * A failing object is deleted and the error is the one an upload through the app gets.
 */
export async function confirmDirectUpload(sha256: string, uploadId: string, byteSize: number): Promise<TBlobRow & { created: boolean }> {
  const store = findS3Store();
  if (!store) throw new AppError("CONFLICT", "Direct uploads exist only with object storage (UNIGAP_S3_BUCKET); PUT /api/v1/blobs/{sha256} instead.");
  if (!UPLOAD_ID.test(uploadId)) throw new AppError("INVALID_INPUT", "uploadId is the 32 hex characters the blob check answered.");
  const staged = stagingKey(sha256, uploadId);
  const existing = await findBlobRow(sha256);
  if (existing && (await store.head(blobKey(sha256)))) {
    await store.delete(staged);
    return { ...existing, created: false };
  }
  let row: TBlobRow;
  try {
    const bytes = await readStaged(store, staged, byteSize);
    hashImageBytes(bytes, sha256);
    row = { sha256, ...(await inspectImage(bytes)) };
  } catch (error) {
    if (error instanceof AppError && error.code !== "CONFLICT") await store.delete(staged);
    throw error;
  }
  await store.copy(staged, blobKey(sha256), { contentType: row.mediaType, sha256 });
  await store.delete(staged);
  const created = await insertBlobRow(row);
  return { ...row, created };
}
