import "server-only";

import { AppError } from "@/lib/errors";
import { findMembershipRole } from "@/lib/projects/repository";

import { roleAtLeast, scopeCovers, type TActor, type TApiKeyScope, type TRole } from "./actor";

/** The role a project's own API key acts with: read reads, ingest writes runs, admin also does an owner's key-level work. */
const SCOPE_ROLE = { read: "viewer", ingest: "editor", admin: "owner" } as const satisfies Record<TApiKeyScope, TRole>;
const ROLE_SCOPE = { viewer: "read", editor: "ingest", owner: "admin" } as const satisfies Record<TRole, TApiKeyScope>;

/** Refuses an API key whose scope does not cover `needed` with a 403 naming both; people and share links pass (their rights are checked elsewhere). */
export function requireKeyScope(actor: TActor, needed: TApiKeyScope): void {
  if (actor.kind !== "apiKey" || scopeCovers(actor.scope, needed)) return;
  throw new AppError("FORBIDDEN", `This needs an API key with the ${needed} scope; this key has the ${actor.scope} scope.`, {
    requiredScope: needed,
    keyScope: actor.scope,
  });
}

/**
 * The caller's role in a project as a whole: membership for people, the scope's role for the
 * project's own API keys (SCOPE_ROLE). Share links get null: they never see project-wide data, only the runs
 * or samples in their scope (requireRunAccess, requireSampleAccess). Null means no access at all.
 */
export async function getProjectRole(actor: TActor, projectId: string): Promise<TRole | null> {
  switch (actor.kind) {
    case "user":
      return findMembershipRole(projectId, actor.userId);
    case "apiKey":
      return actor.projectId === projectId ? SCOPE_ROLE[actor.scope] : null;
    case "share":
      return null;
  }
}

/**
 * Throws NOT_FOUND when the caller cannot see the project at all (so private ids do not leak) and
 * FORBIDDEN when they can see it but their role is too low for the action.
 */
export async function requireProjectRole(actor: TActor, projectId: string, min: TRole, what = "Project"): Promise<TRole> {
  const role = await getProjectRole(actor, projectId);
  if (!role) throw new AppError("NOT_FOUND", `${what} was not found.`);
  requireKeyScope(actor, ROLE_SCOPE[min]);
  if (!roleAtLeast(role, min)) throw new AppError("FORBIDDEN", `This needs the ${min} role; you are ${role}.`);
  return role;
}

/** People-only actions (members, keys, share links, invites): a project's API key may write runs, not manage the project. */
export async function requireMemberRole(actor: TActor, projectId: string, min: TRole): Promise<{ userId: string; role: TRole }> {
  const role = await requireProjectRole(actor, projectId, min);
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in member can do this, not an API key.");
  return { userId: actor.userId, role };
}

/** A share link of scope run or comparison sees only its runs, read-only; everyone else goes by project role. */
export async function requireRunAccess(actor: TActor, run: { id: string; projectId: string }, min: TRole): Promise<TRole> {
  if (actor.kind !== "share") return requireProjectRole(actor, run.projectId, min, `Run ${run.id}`);
  const inScope = actor.scope !== "samples" && actor.projectId === run.projectId && actor.runIds.includes(run.id);
  if (!inScope) throw new AppError("NOT_FOUND", `Run ${run.id} was not found.`);
  if (min !== "viewer") throw new AppError("FORBIDDEN", "Share links are read-only.");
  return "viewer";
}

/**
 * A sample is visible to whoever may read its run, and to a samples-scope share link that names it.
 * A samples link does not open the rest of the run: requireRunAccess refuses it.
 */
export async function requireSampleAccess(actor: TActor, sample: { id: string; runId: string; projectId: string }, min: TRole): Promise<TRole> {
  const run = { id: sample.runId, projectId: sample.projectId };
  if (actor.kind !== "share" || actor.scope !== "samples") return requireRunAccess(actor, run, min);
  const inScope = actor.projectId === sample.projectId && actor.sampleIds.includes(sample.id);
  if (!inScope) throw new AppError("NOT_FOUND", `Sample ${sample.id} was not found.`);
  if (min !== "viewer") throw new AppError("FORBIDDEN", "Share links are read-only.");
  return "viewer";
}
