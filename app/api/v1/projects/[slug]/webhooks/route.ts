import { ZCreateWebhookRequest, ZProjectParams } from "@/lib/api/contracts/alerts";
import { createWebhook, getWebhooks } from "@/lib/alerts/webhook-service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/v1/projects/{slug}/webhooks — { url, events?, format? } → { id, secret } (the secret is shown this once).
export const POST = apiRoute({ auth: "any", params: ZProjectParams, body: ZCreateWebhookRequest }, async ({ actor, params, body }) =>
  Response.json(await createWebhook(actor, params.slug, body), { status: 201 }),
);

// GET /api/v1/projects/{slug}/webhooks — the project's webhooks with their latest deliveries (never the secret).
export const GET = apiRoute({ auth: "any", params: ZProjectParams }, ({ actor, params }) => getWebhooks(actor, params.slug));
