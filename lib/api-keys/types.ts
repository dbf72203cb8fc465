import type { TApiKeyScope } from "@/lib/auth/actor";

/** A project API key as the settings page lists it: never the secret, only its display prefix. */
export type TApiKeyDTO = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  scope: TApiKeyScope;
};
