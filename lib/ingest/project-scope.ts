import "server-only";

import type { TActor, TRole } from "@/lib/auth/actor";
import { requireProjectRole } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { findProjectById, findProjectBySlug } from "@/lib/projects/repository";

export type TProjectRef = { id: string; slug: string };

/**
 * The project a request acts on. An API key acts on its own project: naming another slug is a 403
 * that says which project the key belongs to (nothing about the other one leaks). People name the
 * project and need the role.
 */
export async function resolveProject(actor: TActor, slug: string | undefined, min: TRole): Promise<TProjectRef> {
  if (actor.kind === "apiKey") {
    const own = await findProjectById(actor.projectId);
    if (!own) throw new AppError("UNAUTHORIZED", "The API key's project no longer exists.");
    if (slug && slug !== own.slug) throw new AppError("FORBIDDEN", `This API key belongs to project "${own.slug}"; it cannot act on "${slug}".`);
    await requireProjectRole(actor, own.id, min);
    return { id: own.id, slug: own.slug };
  }
  if (!slug) throw new AppError("INVALID_INPUT", "Name the project (`project` = its slug).", [{ path: "project", message: "required without an API key" }]);
  const project = await findProjectBySlug(slug);
  if (!project) throw notFound("Project", slug);
  await requireProjectRole(actor, project.id, min);
  return { id: project.id, slug: project.slug };
}
