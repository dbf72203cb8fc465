import { ZRunRef } from "@/lib/api/contracts/analysis";
import { apiRoute } from "@/lib/http/route";
import { getRunSummary } from "@/lib/metrics/service";
import { ZRunSummaryQuery } from "@/lib/metrics/summary-query";

export const dynamic = "force-dynamic";

// GET /api/v1/runs/{runId}/summary — the paper's metrics per checkpoint and subtask with intervals,
// against the run's baseline (see lib/metrics/summary-types.ts). A signed-in member or a project API key.
export const GET = apiRoute({ auth: "any", params: ZRunRef, query: ZRunSummaryQuery }, ({ actor, params, query }) => getRunSummary(actor, params.runId, query));
