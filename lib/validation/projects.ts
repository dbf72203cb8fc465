import { z } from "zod";

import { API_KEY_SCOPES } from "@/lib/auth/actor";

// Contracts of the project forms: creation, members, invites, API keys. Client-safe.

export const PROJECT_ROLES = ["owner", "editor", "viewer"] as const;
const ZRole = z.enum(PROJECT_ROLES);

export const ZSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, "Use 1–48 lowercase letters, digits and dashes, not starting or ending with a dash.");

const ZProjectId = z.uuid();

export const ZCreateProject = z.object({ name: z.string().trim().min(1, "Name the project.").max(100), slug: ZSlug });
export const ZDeleteProject = z.object({ projectId: ZProjectId, confirmSlug: z.string().max(100) });
export const ZCreateInvite = z.object({ projectId: ZProjectId, role: ZRole, expiresInDays: z.number().int().min(1).max(30) });
export const ZRevokeInvite = z.object({ projectId: ZProjectId, inviteId: z.uuid() });
export const ZChangeMemberRole = z.object({ projectId: ZProjectId, userId: z.uuid(), role: ZRole });
export const ZRemoveMember = z.object({ projectId: ZProjectId, userId: z.uuid() });
/** A key made without a scope is admin: what every key could do before scopes existed. */
export const ZCreateApiKey = z.object({
  projectId: ZProjectId,
  name: z.string().trim().min(1, "Name the key.").max(80),
  scope: z.enum(API_KEY_SCOPES).default("admin"),
});
export const ZRevokeApiKey = z.object({ projectId: ZProjectId, keyId: z.uuid() });

/** A slug suggestion from a project name: "Janus-Pro ablations!" → "janus-pro-ablations". */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
}
