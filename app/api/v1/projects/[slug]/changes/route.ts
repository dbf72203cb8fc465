import { ZProjectChangesParams, ZProjectChangesQuery } from "@/lib/api/contracts/live";
import { apiRoute } from "@/lib/http/route";
import { getProjectChanges } from "@/lib/runs/live-service";

export const dynamic = "force-dynamic";

// GET /api/v1/projects/{slug}/changes?since=<version>[&runs=a,b] — has any run of the project (or of
// these runs) changed. Polled by the runs table and the compare view while they are visible.
export const GET = apiRoute({ auth: "any", params: ZProjectChangesParams, query: ZProjectChangesQuery }, ({ actor, params, query }) =>
  getProjectChanges(actor, params.slug, query),
);
