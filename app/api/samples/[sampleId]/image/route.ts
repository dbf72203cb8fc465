import { z } from "zod";

import { apiRoute } from "@/lib/http/route";
import { imageResponse } from "@/lib/http/image-response";
import { getSampleImageBytes } from "@/lib/samples/image-service";

export const dynamic = "force-dynamic";

// GET /api/samples/{sampleId}/image — the original image, for whoever may read the sample.
export const GET = apiRoute({ auth: "any", params: z.object({ sampleId: z.string().max(40) }) }, async ({ actor, params, req }) => {
  return imageResponse(req, await getSampleImageBytes(actor, params.sampleId, null), "");
});
