import { ZAlertListQuery, ZRunAlertParams } from "@/lib/api/contracts/alerts";
import { listRunAlerts } from "@/lib/alerts/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/runs/{runId}/alerts?status=… — the run's alerts (what the Python client's stop_on_alert polls).
export const GET = apiRoute({ auth: "any", params: ZRunAlertParams, query: ZAlertListQuery.pick({ status: true }) }, ({ actor, params, query }) =>
  listRunAlerts(actor, params.runId, query),
);
