import "server-only";

import { recordAudit } from "@/lib/audit/service";
import type { TActor, TRole } from "@/lib/auth/actor";
import { requireMemberRole } from "@/lib/auth/permissions";
import { withTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";

import type { TMemberDTO } from "./member-types";
import { countOwners, deleteMember, findMemberRole, listMembers, lockProject, updateMemberRole } from "./member-repository";

const LAST_OWNER = "A project needs at least one owner: make someone else owner first.";

/** Everyone in the project sees who else is in it. */
export async function getMembers(actor: TActor, projectId: string): Promise<TMemberDTO[]> {
  await requireMemberRole(actor, projectId, "viewer");
  const rows = await listMembers(projectId);
  return rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() }));
}

/** Owners change roles; the last owner cannot be demoted. */
export async function changeMemberRole(actor: TActor, projectId: string, userId: string, role: TRole) {
  await requireMemberRole(actor, projectId, "owner");
  await withTransaction(async (tx) => {
    await lockProject(tx, projectId);
    const current = await findMemberRole(tx, projectId, userId);
    if (!current) throw new AppError("NOT_FOUND", "That person is not a member of this project.");
    if (current === "owner" && role !== "owner" && (await countOwners(tx, projectId)) <= 1) throw new AppError("CONFLICT", LAST_OWNER);
    await updateMemberRole(tx, projectId, userId, role);
    await recordAudit(tx, actor, projectId, "member.role_changed", { kind: "user", id: userId }, { from: current, to: role });
  });
}

/** Owners remove anyone; every member may leave. The last owner can do neither to themselves. */
export async function removeMember(actor: TActor, projectId: string, userId: string) {
  const isLeaving = actor.kind === "user" && actor.userId === userId;
  await requireMemberRole(actor, projectId, isLeaving ? "viewer" : "owner");
  await withTransaction(async (tx) => {
    await lockProject(tx, projectId);
    const current = await findMemberRole(tx, projectId, userId);
    if (!current) throw new AppError("NOT_FOUND", "That person is not a member of this project.");
    if (current === "owner" && (await countOwners(tx, projectId)) <= 1) throw new AppError("CONFLICT", LAST_OWNER);
    await deleteMember(tx, projectId, userId);
    await recordAudit(tx, actor, projectId, "member.removed", { kind: "user", id: userId }, { role: current, left: isLeaving });
  });
}
