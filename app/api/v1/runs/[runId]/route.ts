import { z } from "zod";

import { apiRoute } from "@/lib/http/route";
import { getRunHeader } from "@/lib/runs/header-service";

export const dynamic = "force-dynamic";

// GET /api/v1/runs/{runId} — a run's header (name, method, status, baseline, latest figures) for a
// member, the project's API key, or a share link whose scope includes the run.
export const GET = apiRoute({ auth: "any", params: z.object({ runId: z.uuid() }) }, async ({ actor, params }) => {
  return { run: await getRunHeader(actor, params.runId) };
});
