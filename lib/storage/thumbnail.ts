import "server-only";

import sharp from "sharp";

import { BLOB_LIMITS } from "./blob-store";
import { blobKey, getObjectStore, thumbnailKey } from "./object-store";
import { isStorageWriteRefusal } from "./storage-errors";

// Thumbnails are made once per (image, size) with sharp and kept in the object store beside the
// blobs, under thumbs/<size>/ab/<sha256>.webp (in the data folder or the bucket); written whole
// (atomic rename, one PutObject), so a half-written thumbnail is never served. A blob is immutable,
// so its thumbnail never goes stale.

/** The WebP thumbnail of a stored blob fitting in size × size, or null when the blob's bytes are gone. */
export async function readThumbnail(sha256: string, size: number): Promise<Buffer | null> {
  const store = await getObjectStore();
  const cached = await store.get(thumbnailKey(sha256, size));
  if (cached) return cached;
  const source = await store.get(blobKey(sha256));
  if (!source) return null;
  const bytes = await sharp(source, { limitInputPixels: BLOB_LIMITS.maxPixels })
    .resize(size, size, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 78 })
    .toBuffer();
  // The cache is an optimisation: a store that cannot take it (full, read-only) still serves the thumbnail.
  await store.put(thumbnailKey(sha256, size), bytes, { contentType: "image/webp" }).catch((error: unknown) => {
    if (!isStorageWriteRefusal(error)) throw error;
    console.warn(`[unigap] thumbnail of ${sha256} not cached: ${(error as Error).message}`);
  });
  return bytes;
}

/** Whether the blob's bytes exist (a row without bytes shows a placeholder). */
export async function hasBlobFile(sha256: string): Promise<boolean> {
  return (await (await getObjectStore()).head(blobKey(sha256))) !== null;
}
