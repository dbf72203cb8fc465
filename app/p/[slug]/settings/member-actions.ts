"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/app/_lib/action";
import { createInvite, revokeInvite } from "@/lib/projects/invite-service";
import { changeMemberRole, removeMember } from "@/lib/projects/member-service";
import { deleteProject } from "@/lib/projects/service";
import { ZChangeMemberRole, ZCreateInvite, ZDeleteProject, ZRemoveMember, ZRevokeInvite } from "@/lib/validation/projects";

// Members, invitations and the project itself. Authorization is in the services (owners, except
// that every member may remove themselves); these only parse, delegate and refresh the page.

const SETTINGS = "/p/[slug]/settings";

export const createInviteAction = userAction(ZCreateInvite, async ({ projectId, role, expiresInDays }, { actor }) => {
  const invite = await createInvite(actor, projectId, { role, expiresInDays });
  revalidatePath(SETTINGS, "page");
  return { id: invite.id, path: `/invite/${invite.token}`, role: invite.role, expiresAt: invite.expiresAt };
});

export const revokeInviteAction = userAction(ZRevokeInvite, async ({ projectId, inviteId }, { actor }) => {
  await revokeInvite(actor, projectId, inviteId);
  revalidatePath(SETTINGS, "page");
  return null;
});

export const changeMemberRoleAction = userAction(ZChangeMemberRole, async ({ projectId, userId, role }, { actor }) => {
  await changeMemberRole(actor, projectId, userId, role);
  revalidatePath(SETTINGS, "page");
  return null;
});

export const removeMemberAction = userAction(ZRemoveMember, async ({ projectId, userId }, { actor }) => {
  await removeMember(actor, projectId, userId);
  revalidatePath(SETTINGS, "page");
  revalidatePath("/projects");
  return { hasLeft: userId === (actor.kind === "user" ? actor.userId : null) };
});

export const deleteProjectAction = userAction(ZDeleteProject, async ({ projectId, confirmSlug }, { actor }) => {
  await deleteProject(actor, projectId, confirmSlug);
  revalidatePath("/projects");
  return null;
});
