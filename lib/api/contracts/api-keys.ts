import { z } from "zod";

import { API_KEY_SCOPES } from "@/lib/auth/actor";

// Project API keys through the API (issue 17): owners and the project's admin keys list, create and
// revoke them. Pure zod, shared by the routes and the OpenAPI document.

export const ZApiKeyProjectParams = z.object({ slug: z.string().min(1).max(100) });
export const ZApiKeyParams = z.object({ slug: z.string().min(1).max(100), keyId: z.uuid() });

export const ZCreateApiKeyRequest = z
  .object({
    name: z.string().trim().min(1).max(80).describe("What the key is for, e.g. `cluster training jobs`."),
    scope: z
      .enum(API_KEY_SCOPES)
      .describe("ingest: write runs and their data (and read the project); read: only read; admin: also datasets, webhooks and keys."),
  })
  .strict();

const ZApiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The first characters of the secret, for recognising it; never the secret."),
  scope: z.enum(API_KEY_SCOPES),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const ZListApiKeysResponse = z.object({ keys: z.array(ZApiKey) });
export const ZCreateApiKeyResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scope: z.enum(API_KEY_SCOPES),
  secret: z.string().describe("The key itself: shown in this response only, stored nowhere."),
});
export const ZRevokeApiKeyResponse = z.object({ id: z.uuid(), revoked: z.literal(true) });
