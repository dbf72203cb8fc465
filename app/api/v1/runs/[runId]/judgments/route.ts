import { INGEST_LIMITS, isOverwrite, ZOverwriteQuery } from "@/lib/api/contracts/common";
import { ZRunParams } from "@/lib/api/contracts/runs";
import { ZAddJudgmentsRequest } from "@/lib/api/contracts/samples";
import { apiRoute } from "@/lib/http/route";
import { addJudgments } from "@/lib/ingest/judgment-service";

export const dynamic = "force-dynamic";

// POST /api/v1/runs/{runId}/judgments — verdicts on samples logged earlier (by id or natural key).
export const POST = apiRoute(
  {
    auth: "apiKey",
    params: ZRunParams,
    query: ZOverwriteQuery,
    body: ZAddJudgmentsRequest,
    maxBodyBytes: INGEST_LIMITS.sampleBytes,
    batch: { field: "judgments", max: INGEST_LIMITS.judgments },
  },
  ({ actor, params, query, body }) => addJudgments(actor, params.runId, body, isOverwrite(query, body)),
);
