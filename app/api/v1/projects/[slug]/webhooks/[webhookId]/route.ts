import { ZWebhookParams } from "@/lib/api/contracts/alerts";
import { deleteWebhook } from "@/lib/alerts/webhook-service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// DELETE /api/v1/projects/{slug}/webhooks/{webhookId} — stops deliveries to it (its log goes with it).
export const DELETE = apiRoute({ auth: "any", params: ZWebhookParams }, ({ actor, params }) => deleteWebhook(actor, params.slug, params.webhookId));
