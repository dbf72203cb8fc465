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
export const ZCheckBlobsResponse = z.object({ missing: z.array(z.string()) });
