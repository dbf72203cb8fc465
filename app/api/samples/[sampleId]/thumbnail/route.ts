import { z } from "zod";

import { apiRoute } from "@/lib/http/route";
import { imageResponse } from "@/lib/http/image-response";
import { THUMB_SIZES } from "@/lib/samples/image-urls";
import { getSampleImageBytes } from "@/lib/samples/image-service";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  size: z
    .enum(THUMB_SIZES.map(String) as [string, ...string[]])
    .default("320")
    .transform((s) => Number(s) as (typeof THUMB_SIZES)[number]),
  v: z.string().max(64).optional(),
});

// GET /api/samples/{sampleId}/thumbnail?size=128|320 — a WebP thumbnail made once and cached on disk.
export const GET = apiRoute({ auth: "any", params: z.object({ sampleId: z.string().max(40) }), query: ZQuery }, async ({ actor, params, query, req }) => {
  return imageResponse(req, await getSampleImageBytes(actor, params.sampleId, query.size), `t${query.size}`);
});
