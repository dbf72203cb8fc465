import "server-only";

import { recordAudit } from "@/lib/audit/service";
import type { TActor } from "@/lib/auth/actor";
import { getProjectRole, requireMemberRole } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

import { deleteProjectById, findProjectById, findProjectBySlug, insertProjectWithOwner, listProjectsForUser } from "./repository";

export type TProjectDTO = { id: string; slug: string; name: string; role: "owner" | "editor" | "viewer" };

/** The project behind a slug, if the caller may see it; strangers get the same NOT_FOUND as a typo. */
export async function getProjectForActor(actor: TActor, slug: string): Promise<TProjectDTO> {
  const project = await findProjectBySlug(slug);
  const role = project ? await getProjectRole(actor, project.id) : null;
  if (!project || !role) throw new AppError("NOT_FOUND", `Project ${slug} was not found.`);
  return { id: project.id, slug: project.slug, name: project.name, role };
}

/** The projects a caller can open: a person's memberships, or the one project of an API key. */
export async function getProjectsForActor(actor: TActor) {
  if (actor.kind === "user") return getProjectsForUser(actor.userId);
  if (actor.kind === "share") return [];
  const project = await findProjectById(actor.projectId);
  const role = project ? await getProjectRole(actor, project.id) : null;
  return project && role ? [{ ...project, role }] : [];
}

export async function getProjectsForUser(userId: string) {
  return listProjectsForUser(userId);
}

export async function createProject(actor: TActor, input: { slug: string; name: string }) {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in person can create a project.");
  if (await findProjectBySlug(input.slug)) throw new AppError("CONFLICT", `The project slug ${input.slug} is taken.`, { field: "slug" });
  return insertProjectWithOwner({ ...input, ownerId: actor.userId });
}

/** Deletes a project with everything in it (runs, samples, keys, links). Owners only, who retype the slug. */
export async function deleteProject(actor: TActor, projectId: string, confirmSlug: string) {
  await requireMemberRole(actor, projectId, "owner");
  const project = await findProjectById(projectId);
  if (!project) throw new AppError("NOT_FOUND", "Project was not found.");
  if (confirmSlug !== project.slug) throw new AppError("INVALID_INPUT", `Type ${project.slug} to confirm.`, { field: "confirmSlug" });
  await withTransaction(async (tx) => {
    await deleteProjectById(tx, projectId);
    // The log outlives the project (no foreign key): whoever restores a backup can see who deleted it.
    await recordAudit(
      tx,
      actor,
      projectId,
      "project.deleted",
      { kind: "project", id: projectId, label: project.slug },
      { slug: project.slug, name: project.name },
    );
  });
}
