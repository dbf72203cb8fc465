import { z } from "zod";

import { INGEST_LIMITS, ZSha256 } from "./common";

export const ZBlobParams = z.object({ sha256: ZSha256 });

export const ZBlob = z.object({
  sha256: z.string(),
  mediaType: z.enum(["image/png", "image/jpeg", "image/webp"]),
  byteSize: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  created: z.boolean(),
});

export const ZCheckBlobsRequest = z.object({ sha256: z.array(ZSha256).min(1).max(INGEST_LIMITS.blobCheck) });
export const ZDirectUpload = z.object({
  sha256: z.string(),
  uploadId: z.string(),
  method: z.literal("PUT"),
  url: z.string(),
  expiresInSeconds: z.number().int(),
});
export const ZCheckBlobsResponse = z.object({ missing: z.array(z.string()), uploads: z.array(ZDirectUpload).optional() });
export const ZConfirmBlobRequest = z.object({
  uploadId: z.string().regex(/^[0-9a-f]{32}$/, "the 32 hex characters the blob check answered"),
  byteSize: z
    .number()
    .int()
    .min(1)
    .max(20 * 1024 * 1024),
});
