import { ZWebhookParams } from "@/lib/api/contracts/alerts";
import { getWebhookDeliveries } from "@/lib/alerts/webhook-service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/projects/{slug}/webhooks/{webhookId}/deliveries — the latest deliveries, every attempt with status, latency, error, next retry.
export const GET = apiRoute({ auth: "any", params: ZWebhookParams }, ({ actor, params }) => getWebhookDeliveries(actor, params.slug, params.webhookId));
