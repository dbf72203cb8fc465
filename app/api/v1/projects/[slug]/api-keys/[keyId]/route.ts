import { ZApiKeyParams } from "@/lib/api/contracts/api-keys";
import { revokeApiKeyInProject } from "@/lib/api-keys/service";
import { apiRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// DELETE /api/v1/projects/{slug}/api-keys/{keyId} — revokes the key: refused from its very next request.
export const DELETE = apiRoute({ auth: "any", params: ZApiKeyParams }, async ({ actor, params }) => {
  await revokeApiKeyInProject(actor, params.slug, params.keyId);
  return { id: params.keyId, revoked: true };
});
