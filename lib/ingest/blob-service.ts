import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireKeyScope } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { findExistingBlobHashes, findBlobRow } from "@/lib/storage/blob-repository";
import { storeBlob } from "@/lib/storage/blob-store";
import { confirmDirectUpload, presignDirectUploads } from "@/lib/storage/direct-upload";

// Images are shared, content-addressed bytes: any project's key may upload them, and knowing that a
// hash is stored reveals only that someone holding the very same bytes uploaded them.

function requireUploader(actor: TActor): void {
  if (actor.kind !== "apiKey") throw new AppError("FORBIDDEN", "Images are uploaded with a project API key.");
  requireKeyScope(actor, "ingest");
}

export async function uploadBlob(actor: TActor, sha256: string, bytes: Uint8Array) {
  requireUploader(actor);
  const { isNew, ...blob } = await storeBlob(bytes, sha256);
  return { ...blob, created: isNew };
}

export async function hasBlob(_actor: TActor, sha256: string): Promise<boolean> {
  return (await findBlobRow(sha256)) !== null;
}

/** The images still to upload; with object storage also a presigned PUT URL for each (direct upload). */
export async function findMissingBlobs(actor: TActor, hashes: readonly string[]) {
  requireUploader(actor);
  const present = await findExistingBlobHashes(hashes);
  const missing = [...new Set(hashes)].filter((h) => !present.has(h));
  const uploads = await presignDirectUploads(missing);
  return uploads ? { missing, uploads } : { missing };
}

/** After a direct upload: the server verifies the object in the bucket before the blob row exists. */
export async function confirmBlobUpload(actor: TActor, sha256: string, upload: { uploadId: string; byteSize: number }) {
  requireUploader(actor);
  return confirmDirectUpload(sha256, upload.uploadId, upload.byteSize);
}
