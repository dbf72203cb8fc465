import { ZRunParams } from "@/lib/api/contracts/runs";
import { apiRoute } from "@/lib/http/route";
import { recordHeartbeat } from "@/lib/ingest/run-service";

export const dynamic = "force-dynamic";

// POST /api/v1/runs/{runId}/heartbeat — "still training"; the dashboard tells live runs from stalled ones.
export const POST = apiRoute({ auth: "apiKey", params: ZRunParams }, ({ actor, params }) => recordHeartbeat(actor, params.runId));
