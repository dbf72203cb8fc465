import { INGEST_LIMITS, isOverwrite, ZOverwriteQuery } from "@/lib/api/contracts/common";
import { ZLogMetricsRequest } from "@/lib/api/contracts/metrics";
import { parseLogMetricsRequest } from "@/lib/api/contracts/metrics-fast-parse";
import { ZRunParams } from "@/lib/api/contracts/runs";
import { apiRoute } from "@/lib/http/route";
import { logMetricPoints } from "@/lib/ingest/metric-service";

export const dynamic = "force-dynamic";

// POST /api/v1/runs/{runId}/metrics — up to 10,000 points or 5 MB per batch, atomic and idempotent.
export const POST = apiRoute(
  {
    auth: "apiKey",
    params: ZRunParams,
    query: ZOverwriteQuery,
    body: ZLogMetricsRequest,
    parseBody: parseLogMetricsRequest,
    maxBodyBytes: INGEST_LIMITS.metricBytes,
    batch: { field: "points", max: INGEST_LIMITS.metricPoints },
  },
  ({ actor, params, query, body }) => logMetricPoints(actor, params.runId, body, isOverwrite(query, body)),
);
