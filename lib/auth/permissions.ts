import "server-only";

import { AppError } from "@/lib/errors";
import { findMembershipRole } from "@/lib/projects/repository";

import { roleAtLeast, type TActor, type TRole } from "./actor";

/**
 * The caller's role in a project: membership for people, editor for the project's own API keys
 * (they write runs), viewer for share links. Null means no access at all.
 */
export async function getProjectRole(actor: TActor, projectId: string): Promise<TRole | null> {
  switch (actor.kind) {
    case "user":
      return findMembershipRole(projectId, actor.userId);
    case "apiKey":
      return actor.projectId === projectId ? "editor" : null;
    case "share":
      return actor.projectId === projectId ? "viewer" : null;
  }
}

/**
 * Throws NOT_FOUND when the caller cannot see the project at all (so private ids do not leak) and
 * FORBIDDEN when they can see it but their role is too low for the action.
 */
export async function requireProjectRole(actor: TActor, projectId: string, min: TRole, what = "Project"): Promise<TRole> {
  const role = await getProjectRole(actor, projectId);
  if (!role) throw new AppError("NOT_FOUND", `${what} was not found.`);
  if (!roleAtLeast(role, min)) throw new AppError("FORBIDDEN", `This needs the ${min} role; you are ${role}.`);
  if (actor.kind === "share" && min !== "viewer") throw new AppError("FORBIDDEN", "Share links are read-only.");
  return role;
}

/** A share link sees only the runs in its scope; everyone else goes by project role. */
export async function requireRunAccess(actor: TActor, run: { id: string; projectId: string }, min: TRole): Promise<TRole> {
  if (actor.kind === "share" && !actor.runIds.includes(run.id)) throw new AppError("NOT_FOUND", `Run ${run.id} was not found.`);
  return requireProjectRole(actor, run.projectId, min, `Run ${run.id}`);
}
