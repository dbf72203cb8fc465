import "server-only";

import { createApiKeySecret, looksLikeApiKey } from "@/lib/auth/api-key-format";
import type { TActor, TApiKeyScope } from "@/lib/auth/actor";
import { requireProjectRole } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { hashSecret } from "@/lib/auth/tokens";
import { withTransaction } from "@/lib/db/transaction";
import { AppError, notFound } from "@/lib/errors";
import { findProjectBySlug } from "@/lib/projects/repository";

import type { TApiKeyDTO } from "./types";
import { findApiKeyByHash, insertApiKey, listApiKeys, markApiKeyRevoked, markApiKeyUsed } from "./repository";

const LAST_USED_RESOLUTION_MS = 60_000;
const lastUsedWrites = new Map<string, number>();

/** Resolves a bearer secret to its project; any unknown, malformed or revoked key is a 401. */
export async function authenticateApiKey(secret: string): Promise<Extract<TActor, { kind: "apiKey" }>> {
  if (!looksLikeApiKey(secret)) throw new AppError("UNAUTHORIZED", "The API key is malformed. Keys start with ugk_; create one in the project settings.");
  const key = await findApiKeyByHash(hashSecret(secret));
  if (!key) throw new AppError("UNAUTHORIZED", "The API key is not valid.");
  if (key.revokedAt) throw new AppError("UNAUTHORIZED", `The API key ${key.prefix}… was revoked on ${key.revokedAt.toISOString()}.`);
  const now = Date.now();
  // lastUsedAt is informational: write it at most once a minute per key, never on the hot path's critical section.
  if (now - (lastUsedWrites.get(key.id) ?? 0) > LAST_USED_RESOLUTION_MS) {
    lastUsedWrites.set(key.id, now);
    void markApiKeyUsed(key.id, new Date(now)).catch(() => undefined);
  }
  return { kind: "apiKey", keyId: key.id, projectId: key.projectId, scope: key.scope };
}

/** Creates a key (owners, and the project's admin keys); the returned secret is shown once and never stored. */
export async function createApiKey(actor: TActor, projectId: string, name: string, scope: TApiKeyScope) {
  await requireProjectRole(actor, projectId, "owner");
  const { secret, prefix, keyHash } = createApiKeySecret();
  const createdById = actor.kind === "user" ? actor.userId : null;
  const key = await withTransaction(async (tx) => {
    const made = await insertApiKey(tx, { projectId, name, prefix, keyHash, createdById, scope });
    await recordAudit(tx, actor, projectId, "api_key.created", { kind: "apiKey", id: made.id, label: `${prefix}… ${name}` }, { name, prefix, scope });
    return made;
  });
  return { ...key, secret };
}

/** Creates a key without an acting user: first-start seeding only. */
export async function createApiKeyForSeed(projectId: string, name: string) {
  const { secret, prefix, keyHash } = createApiKeySecret();
  const key = await withTransaction((tx) => insertApiKey(tx, { projectId, name, prefix, keyHash, createdById: null, scope: "admin" }));
  return { ...key, secret };
}

export async function getApiKeys(actor: TActor, projectId: string): Promise<TApiKeyDTO[]> {
  await requireProjectRole(actor, projectId, "owner");
  return (await listApiKeys(projectId)).map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    scope: key.scope,
  }));
}

export async function revokeApiKey(actor: TActor, projectId: string, keyId: string) {
  await requireProjectRole(actor, projectId, "owner");
  await withTransaction(async (tx) => {
    const key = await markApiKeyRevoked(tx, projectId, keyId);
    if (!key) throw new AppError("NOT_FOUND", `API key ${keyId} was not found or is already revoked.`);
    await recordAudit(tx, actor, projectId, "api_key.revoked", { kind: "apiKey", id: keyId, label: `${key.prefix}… ${key.name}` }, key);
  });
}

async function projectIdOf(slug: string): Promise<string> {
  const project = await findProjectBySlug(slug);
  if (!project) throw notFound("Project", slug);
  return project.id;
}

/** The API's view of the settings panel: by project slug; outsiders get the same 404 as a typo. */
export async function getApiKeysOfProject(actor: TActor, slug: string): Promise<TApiKeyDTO[]> {
  return getApiKeys(actor, await projectIdOf(slug));
}

export async function createApiKeyInProject(actor: TActor, slug: string, name: string, scope: TApiKeyScope) {
  return createApiKey(actor, await projectIdOf(slug), name, scope);
}

export async function revokeApiKeyInProject(actor: TActor, slug: string, keyId: string) {
  return revokeApiKey(actor, await projectIdOf(slug), keyId);
}
