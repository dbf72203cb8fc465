import { z } from "zod";

import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";
import { listRunsForProject } from "@/lib/runs/service";

export const dynamic = "force-dynamic";

// GET /api/v1/runs — the API key's project's runs, newest first (`{ runs, total }`). Minimal on
// purpose: the ingestion API (issue 4) owns this path and adds filters and run creation.
export const GET = apiRoute({ auth: "apiKey", query: z.object({ take: z.coerce.number().int().min(1).max(200).optional() }) }, ({ actor, query }) => {
  if (actor.kind !== "apiKey") throw new AppError("UNAUTHORIZED", "This endpoint needs a project API key.");
  return listRunsForProject(actor, actor.projectId, { take: query.take });
});
