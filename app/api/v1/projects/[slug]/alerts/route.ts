import { ZAlertListQuery, ZProjectParams } from "@/lib/api/contracts/alerts";
import { listProjectAlerts } from "@/lib/alerts/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/projects/{slug}/alerts?status=open|acknowledged|resolved|all&run=<runId> — newest first.
export const GET = apiRoute({ auth: "any", params: ZProjectParams, query: ZAlertListQuery }, ({ actor, params, query }) =>
  listProjectAlerts(actor, params.slug, query),
);
