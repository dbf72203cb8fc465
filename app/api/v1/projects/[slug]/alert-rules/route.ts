import { ZAlertRulesRequest, ZProjectParams } from "@/lib/api/contracts/alerts";
import { getAlertRules, putAlertRules } from "@/lib/alerts/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/projects/{slug}/alert-rules — the project's rules (members and its key).
export const GET = apiRoute({ auth: "any", params: ZProjectParams }, ({ actor, params }) => getAlertRules(actor, params.slug));

// PUT /api/v1/projects/{slug}/alert-rules — replaces the rule set (owners, editors, the key); thresholds out of range are a 422.
export const PUT = apiRoute({ auth: "any", params: ZProjectParams, body: ZAlertRulesRequest }, ({ actor, params, body }) =>
  putAlertRules(actor, params.slug, body),
);
