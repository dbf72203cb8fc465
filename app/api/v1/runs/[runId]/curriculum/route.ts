import { ZBenchmarkQuery, ZRunRef } from "@/lib/api/contracts/analysis";
import { apiRoute } from "@/lib/http/route";
import { getCurriculumStats } from "@/lib/metrics/training-service";

export const dynamic = "force-dynamic";

// GET /api/v1/runs/{runId}/curriculum — per round: pass rates, the discard pool, admissions at replay.
export const GET = apiRoute({ auth: "any", params: ZRunRef, query: ZBenchmarkQuery }, ({ actor, params, query }) =>
  getCurriculumStats(actor, params.runId, query),
);
