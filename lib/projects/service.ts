import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { getProjectRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

import { findProjectBySlug, insertProjectWithOwner, listProjectsForUser } from "./repository";

export type TProjectDTO = { id: string; slug: string; name: string; role: "owner" | "editor" | "viewer" };

/** The project behind a slug, if the caller may see it; strangers get the same NOT_FOUND as a typo. */
export async function getProjectForActor(actor: TActor, slug: string): Promise<TProjectDTO> {
  const project = await findProjectBySlug(slug);
  const role = project ? await getProjectRole(actor, project.id) : null;
  if (!project || !role) throw new AppError("NOT_FOUND", `Project ${slug} was not found.`);
  return { id: project.id, slug: project.slug, name: project.name, role };
}

export async function getProjectsForUser(userId: string) {
  return listProjectsForUser(userId);
}

export async function createProject(userId: string, input: { slug: string; name: string }) {
  if (await findProjectBySlug(input.slug)) throw new AppError("CONFLICT", `The project slug ${input.slug} is taken.`);
  return insertProjectWithOwner({ ...input, ownerId: userId });
}
