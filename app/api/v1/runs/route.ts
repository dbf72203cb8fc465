import { ZCreateRunRequest, ZListRunsQuery } from "@/lib/api/contracts/runs";
import { apiRoute } from "@/lib/http/route";
import { createRun, listRuns } from "@/lib/ingest/run-service";

export const dynamic = "force-dynamic";

// GET /api/v1/runs — the project's runs, newest first, filtered by name, method, tag, status.
export const GET = apiRoute({ auth: "any", query: ZListRunsQuery }, ({ actor, query }) => listRuns(actor, query));

// POST /api/v1/runs — creates a run; the same externalId again returns the same run (200, created: false).
export const POST = apiRoute({ auth: "apiKey", body: ZCreateRunRequest }, async ({ actor, body }) => {
  const run = await createRun(actor, body);
  return Response.json(run, { status: run.created ? 201 : 200 });
});
