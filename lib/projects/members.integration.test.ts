import { describe, expect, it } from "vitest";

import type { TActor } from "@/lib/auth/actor";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { addTestMember, createTestProject, createTestUser } from "@/prisma/factories";

import { acceptInvite, createInvite, getInvitePreview, revokeInvite } from "./invite-service";
import { changeMemberRole, getMembers, removeMember } from "./member-service";

setupTestDatabase();

const as = (userId: string): TActor => ({ kind: "user", userId });

async function projectWithOwner() {
  const owner = await createTestUser();
  const project = await createTestProject({ ownerId: owner.id });
  return { owner, project };
}

describe("members", () => {
  it("keeps at least one owner: the last one can neither be demoted nor leave", async () => {
    const { owner, project } = await projectWithOwner();
    await expect(changeMemberRole(as(owner.id), project.id, owner.id, "editor")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(removeMember(as(owner.id), project.id, owner.id)).rejects.toMatchObject({ code: "CONFLICT" });

    const second = await createTestUser();
    await addTestMember(project.id, second.id, "editor");
    await changeMemberRole(as(owner.id), project.id, second.id, "owner");
    await removeMember(as(owner.id), project.id, owner.id);
    expect((await getMembers(as(second.id), project.id)).map((m) => [m.userId, m.role])).toEqual([[second.id, "owner"]]);
  });

  it("never ends with no owner when two owners demote each other at once", async () => {
    const { owner, project } = await projectWithOwner();
    const other = await createTestUser();
    await addTestMember(project.id, other.id, "owner");
    const results = await Promise.allSettled([
      changeMemberRole(as(owner.id), project.id, other.id, "viewer"),
      changeMemberRole(as(other.id), project.id, owner.id, "viewer"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const roles = (await getMembers(as(owner.id), project.id).catch(() => getMembers(as(other.id), project.id))).map((m) => m.role).sort();
    expect(roles).toEqual(["owner", "viewer"]);
  });

  it("lets every member leave but only owners remove others; strangers cannot tell the project exists", async () => {
    const { owner, project } = await projectWithOwner();
    const [viewer, editor, stranger] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
    await addTestMember(project.id, viewer.id, "viewer");
    await addTestMember(project.id, editor.id, "editor");
    await expect(removeMember(as(editor.id), project.id, viewer.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeMemberRole(as(editor.id), project.id, viewer.id, "owner")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getMembers(as(stranger.id), project.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getMembers({ kind: "apiKey", keyId: "k", projectId: project.id, scope: "admin" }, project.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeMember(as(viewer.id), project.id, viewer.id);
    await removeMember(as(owner.id), project.id, editor.id);
    expect((await getMembers(as(owner.id), project.id)).map((m) => m.userId)).toEqual([owner.id]);
  });
});

describe("invitations", () => {
  it("work exactly once, and keep a member's higher role", async () => {
    const { owner, project } = await projectWithOwner();
    const [first, second] = await Promise.all([createTestUser(), createTestUser()]);
    const invite = await createInvite(as(owner.id), project.id, { role: "editor", expiresInDays: 7 });
    expect(invite.token).toMatch(/^ugi_[A-Za-z0-9_-]{43}$/);
    expect(await getInvitePreview(invite.token)).toMatchObject({ projectName: project.name, role: "editor" });

    const both = await Promise.allSettled([acceptInvite(as(first.id), invite.token), acceptInvite(as(second.id), invite.token)]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(getInvitePreview(invite.token)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const downgrade = await createInvite(as(owner.id), project.id, { role: "viewer", expiresInDays: 1 });
    await acceptInvite(as(owner.id), downgrade.token);
    expect((await getMembers(as(owner.id), project.id)).find((m) => m.userId === owner.id)?.role).toBe("owner");
  });

  it("are owner-only, revocable, and refused once revoked", async () => {
    const { owner, project } = await projectWithOwner();
    const editor = await createTestUser();
    await addTestMember(project.id, editor.id, "editor");
    await expect(createInvite(as(editor.id), project.id, { role: "owner", expiresInDays: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const invite = await createInvite(as(owner.id), project.id, { role: "viewer", expiresInDays: 1 });
    await revokeInvite(as(owner.id), project.id, invite.id);
    await expect(acceptInvite(as(editor.id), invite.token)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(acceptInvite(as(editor.id), "ugi_made-up-token-that-is-long-enough-to-check")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
