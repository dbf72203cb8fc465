import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { TImageBody } from "@/lib/http/image-response";
import { findBlob, readBlobObject } from "@/lib/storage/blob-store";
import { readThumbnail } from "@/lib/storage/thumbnail";

import { requireReadableSample } from "./detail-service";
import type { TThumbSize } from "./image-urls";

/** Bytes (a thumbnail) or an original of `size` bytes, read from the object store (whole or one range) as it is sent. */
export type TSampleImageBytes = { sha256: string; mediaType: string; bytes: TImageBody };

/**
 * A sample's image (or its WebP thumbnail) for whoever may read the sample: members, the project's
 * API keys, share links of its run or naming it. No image, or a file that is gone: NOT_FOUND.
 */
export async function getSampleImageBytes(actor: TActor, sampleId: string, thumbSize: TThumbSize | null): Promise<TSampleImageBytes> {
  const ref = await requireReadableSample(actor, sampleId);
  const sha256 = ref.blob_sha256;
  if (!sha256) throw new AppError("NOT_FOUND", `Sample ${sampleId} has no image.`);
  if (thumbSize) {
    const bytes = await readThumbnail(sha256, thumbSize);
    if (bytes) return { sha256, mediaType: "image/webp", bytes };
  } else {
    const row = await findBlob(sha256);
    if (row) return { sha256, mediaType: row.mediaType, bytes: { size: row.byteSize, open: (range) => readBlobObject(sha256, range ?? undefined) } };
  }
  throw new AppError("NOT_FOUND", `The image file of sample ${sampleId} is missing from storage.`);
}
