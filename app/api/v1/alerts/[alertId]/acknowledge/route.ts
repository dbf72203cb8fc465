import { ZAlertParams } from "@/lib/api/contracts/alerts";
import { acknowledgeAlert } from "@/lib/alerts/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/alerts/{alertId}/acknowledge — records who acknowledged it, once (editors, owners, the project's key).
export const POST = apiRoute({ auth: "any", params: ZAlertParams }, ({ actor, params }) => acknowledgeAlert(actor, params.alertId));
