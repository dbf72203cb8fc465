import { INGEST_LIMITS, isOverwrite, ZOverwriteQuery } from "@/lib/api/contracts/common";
import { ZRegisterPromptsRequest } from "@/lib/api/contracts/prompts";
import { apiRoute } from "@/lib/http/route";
import { registerPrompts } from "@/lib/ingest/prompt-service";

export const dynamic = "force-dynamic";

// POST /api/v1/prompts — registers up to 5,000 prompts of the key's project by externalId.
export const POST = apiRoute(
  {
    auth: "apiKey",
    query: ZOverwriteQuery,
    body: ZRegisterPromptsRequest,
    maxBodyBytes: INGEST_LIMITS.sampleBytes,
    batch: { field: "prompts", max: INGEST_LIMITS.prompts },
  },
  ({ actor, query, body }) => registerPrompts(actor, body, isOverwrite(query, body)),
);
