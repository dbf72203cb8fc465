import { ZApiKeyProjectParams, ZCreateApiKeyRequest } from "@/lib/api/contracts/api-keys";
import { createApiKeyInProject, getApiKeysOfProject } from "@/lib/api-keys/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/v1/projects/{slug}/api-keys — the project's keys (prefix, scope, use; never a secret). Owners and admin keys.
export const GET = apiRoute({ auth: "any", params: ZApiKeyProjectParams }, async ({ actor, params }) => ({
  keys: await getApiKeysOfProject(actor, params.slug),
}));

// POST /api/v1/projects/{slug}/api-keys — { name, scope } → the new key with its secret, shown this once.
export const POST = apiRoute({ auth: "any", params: ZApiKeyProjectParams, body: ZCreateApiKeyRequest }, async ({ actor, params, body }) => {
  const key = await createApiKeyInProject(actor, params.slug, body.name, body.scope);
  return Response.json({ id: key.id, name: key.name, prefix: key.prefix, scope: key.scope, secret: key.secret }, { status: 201 });
});
