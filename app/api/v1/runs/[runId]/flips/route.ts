import { ZBenchmarkQuery, ZRunRef } from "@/lib/api/contracts/analysis";
import { apiRoute } from "@/lib/http/route";
import { getPromptFlips } from "@/lib/metrics/training-service";

export const dynamic = "force-dynamic";

// GET /api/v1/runs/{runId}/flips — prompts whose verdict changed across checkpoints, and where.
export const GET = apiRoute({ auth: "any", params: ZRunRef, query: ZBenchmarkQuery }, ({ actor, params, query }) => getPromptFlips(actor, params.runId, query));
