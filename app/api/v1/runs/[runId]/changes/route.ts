import { ZChangesQuery } from "@/lib/api/contracts/live";
import { ZRunParams } from "@/lib/api/contracts/runs";
import { apiRoute } from "@/lib/http/route";
import { getRunChanges } from "@/lib/runs/live-service";

export const dynamic = "force-dynamic";

// GET /api/v1/runs/{runId}/changes?since=<version> — has anything of the run changed, is it stalled.
// Polled by the run page while the run is running and the page is visible (components/dashboard/live-updates.tsx).
export const GET = apiRoute({ auth: "any", params: ZRunParams, query: ZChangesQuery }, ({ actor, params, query }) =>
  getRunChanges(actor, params.runId, query.since),
);
