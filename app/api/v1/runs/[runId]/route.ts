import { ZRunParams, ZUpdateRunRequest } from "@/lib/api/contracts/runs";
import { apiRoute } from "@/lib/http/route";
import { getRun, updateRun } from "@/lib/ingest/run-service";

export const dynamic = "force-dynamic";

// GET /api/v1/runs/{runId}
export const GET = apiRoute({ auth: "any", params: ZRunParams }, ({ actor, params }) => getRun(actor, params.runId));

// PATCH /api/v1/runs/{runId} — status (running | finished | failed), notes, tags.
export const PATCH = apiRoute({ auth: "apiKey", params: ZRunParams, body: ZUpdateRunRequest }, ({ actor, params, body }) =>
  updateRun(actor, params.runId, body),
);
