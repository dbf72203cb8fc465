import "server-only";

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import sharp from "sharp";

import { findBlobRoot } from "./blob-repository";
import { BLOB_LIMITS, blobPath } from "./blob-store";

// Thumbnails are made once per (image, size) with sharp and kept beside the blobs under
// <data dir>/thumbs/<size>/ab/<sha256>.webp; the file is written atomically, so a half-written
// thumbnail is never served. A blob is immutable, so its thumbnail never goes stale.

async function thumbnailPath(sha256: string, size: number): Promise<string> {
  return path.join(path.dirname(await findBlobRoot()), "thumbs", String(size), sha256.slice(0, 2), `${sha256}.webp`);
}

/** The WebP thumbnail of a stored blob fitting in size × size, or null when the blob's file is gone. */
export async function readThumbnail(sha256: string, size: number): Promise<Buffer | null> {
  const file = await thumbnailPath(sha256, size);
  try {
    return fs.readFileSync(file);
  } catch {
    /* not made yet */
  }
  let source: Buffer;
  try {
    source = fs.readFileSync(await blobPath(sha256));
  } catch {
    return null;
  }
  const bytes = await sharp(source, { limitInputPixels: BLOB_LIMITS.maxPixels })
    .resize(size, size, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 78 })
    .toBuffer();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  fs.writeFileSync(temp, bytes);
  fs.renameSync(temp, file);
  return bytes;
}

/** Whether the blob's file exists (a row without bytes shows a placeholder). */
export async function hasBlobFile(sha256: string): Promise<boolean> {
  return fs.existsSync(await blobPath(sha256));
}
