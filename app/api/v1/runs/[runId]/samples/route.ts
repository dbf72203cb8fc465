import { INGEST_LIMITS, isOverwrite, ZOverwriteQuery } from "@/lib/api/contracts/common";
import { ZRunParams } from "@/lib/api/contracts/runs";
import { ZListSamplesQuery, ZLogSamplesRequest } from "@/lib/api/contracts/samples";
import { apiRoute } from "@/lib/http/route";
import { listSamples } from "@/lib/ingest/sample-list-service";
import { logSamples } from "@/lib/ingest/sample-service";

export const dynamic = "force-dynamic";

// POST /api/v1/runs/{runId}/samples — up to 2,000 samples with their judgments, atomic and idempotent.
export const POST = apiRoute(
  {
    auth: "apiKey",
    params: ZRunParams,
    query: ZOverwriteQuery,
    body: ZLogSamplesRequest,
    maxBodyBytes: INGEST_LIMITS.sampleBytes,
    batch: { field: "samples", max: INGEST_LIMITS.samples },
  },
  ({ actor, params, query, body }) => logSamples(actor, params.runId, body, isOverwrite(query, body)),
);

// GET /api/v1/runs/{runId}/samples?step=N[&cursor=…] — the run's samples at a step, for importers.
export const GET = apiRoute({ auth: "apiKey", params: ZRunParams, query: ZListSamplesQuery }, ({ actor, params, query }) =>
  listSamples(actor, params.runId, query),
);
