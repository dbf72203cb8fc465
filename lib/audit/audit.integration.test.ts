import { describe, expect, it } from "vitest";

import { authenticateApiKey, createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import type { TActor } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { withTransaction } from "@/lib/db/transaction";
import { runWithOrigin } from "@/lib/http/request-context";
import { acceptInvite, createInvite, revokeInvite } from "@/lib/projects/invite-service";
import { changeMemberRole, removeMember } from "@/lib/projects/member-service";
import { deleteProject } from "@/lib/projects/service";
import { authenticateShareToken, createShareLink, revokeShareLink } from "@/lib/sharing/service";
import { createTestProject, createTestRun, createTestUser } from "@/prisma/factories";

import { getAuditLog, recordAudit } from "./service";

setupTestDatabase();

const as = (userId: string): TActor => ({ kind: "user", userId });
const ORIGIN = { address: "203.0.113.9", userAgent: "audit-test/1.0" };
const fromOrigin = <T>(fn: () => Promise<T>) => runWithOrigin(ORIGIN, fn);

type TRow = {
  action: string;
  actor_kind: string;
  actor_label: string;
  target_kind: string | null;
  target_label: string | null;
  address: string | null;
  user_agent: string | null;
};

async function entriesOf(projectId: string): Promise<TRow[]> {
  const { sql } = await getDb();
  return sql.query<TRow>(
    `SELECT action, actor_kind, actor_label, target_kind, target_label, details, address, user_agent FROM audit_log WHERE project_id = $1::uuid ORDER BY id`,
    [projectId],
  );
}

describe("the audit log", () => {
  it("records every audited change once, with who, from where and no secret", async () => {
    const owner = await createTestUser({ email: `owner-${Date.now()}@audit.test` });
    const joiner = await createTestUser();
    const project = await createTestProject({ ownerId: owner.id });
    const run = await createTestRun(project.id, { name: "audited run" });
    const secrets: string[] = [];

    const invite = await fromOrigin(() => createInvite(as(owner.id), project.id, { role: "viewer", expiresInDays: 1 }));
    await fromOrigin(() => acceptInvite(as(joiner.id), invite.token));
    const spare = await fromOrigin(() => createInvite(as(owner.id), project.id, { role: "editor", expiresInDays: 1 }));
    await fromOrigin(() => revokeInvite(as(owner.id), project.id, spare.id));
    await fromOrigin(() => changeMemberRole(as(owner.id), project.id, joiner.id, "editor"));
    const key = await fromOrigin(() => createApiKey(as(owner.id), project.id, "cluster", "ingest"));
    // An admin key makes and revokes a key too: the entry names the key, not a person.
    const admin = await fromOrigin(() => createApiKey(as(owner.id), project.id, "ops", "admin"));
    const adminActor = await authenticateApiKey(admin.secret);
    await fromOrigin(() => revokeApiKey(adminActor, project.id, key.id));
    const link = await fromOrigin(() =>
      createShareLink(as(owner.id), project.id, { scope: "run", runId: run.id, anonymized: false, label: "for reviewers", expiresAt: null }),
    );
    await fromOrigin(() => authenticateShareToken(link.token, { isOpening: true }));
    await fromOrigin(() => authenticateShareToken(link.token, { isOpening: true })); // a second visitor: no new entry
    await fromOrigin(() => revokeShareLink(as(owner.id), project.id, link.id));
    await fromOrigin(() => removeMember(as(joiner.id), project.id, joiner.id)); // leaving
    secrets.push(invite.token, spare.token, key.secret, admin.secret, link.token);

    const page = await getAuditLog(as(owner.id), project.slug);
    expect(page.entries.map((e) => e.action).reverse()).toEqual([
      "invite.created",
      "invite.accepted",
      "member.joined",
      "invite.created",
      "invite.revoked",
      "member.role_changed",
      "api_key.created",
      "api_key.created",
      "api_key.revoked",
      "share_link.created",
      "share_link.first_used",
      "share_link.revoked",
      "member.removed",
    ]);
    const byAction = (action: string) => page.entries.find((e) => e.action === action)!;
    expect(byAction("member.role_changed")).toMatchObject({
      actor: { kind: "user", label: owner.email },
      target: { kind: "user", label: joiner.email },
      details: { from: "viewer", to: "editor" },
    });
    expect(byAction("api_key.revoked")).toMatchObject({
      actor: { kind: "apiKey", label: `${admin.prefix}… ops` },
      target: { label: `${key.prefix}… cluster` },
    });
    expect(byAction("share_link.first_used")).toMatchObject({ actor: { kind: "share" }, target: { label: "for reviewers" } });
    expect(byAction("member.removed").details).toMatchObject({ left: true });
    for (const entry of page.entries) expect(entry).toMatchObject({ address: ORIGIN.address, userAgent: ORIGIN.userAgent });

    await fromOrigin(() => deleteProject(as(owner.id), project.id, project.slug));
    const rows = await entriesOf(project.id);
    expect(rows.at(-1)).toMatchObject({ action: "project.deleted", actor_label: owner.email, target_label: project.slug });

    // No token, key secret or hash of either, anywhere in the log.
    const stored = JSON.stringify(rows);
    for (const secret of secrets) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(hashSecret(secret));
      expect(stored).not.toContain(secret.slice(4, 24));
    }
  });

  it("writes nothing for a change that rolls back or is refused", async () => {
    const owner = await createTestUser();
    const project = await createTestProject({ ownerId: owner.id });
    await expect(
      withTransaction(async (tx) => {
        await recordAudit(tx, as(owner.id), project.id, "api_key.created", { kind: "apiKey", id: "x" });
        throw new Error("the change failed after its entry was written");
      }),
    ).rejects.toThrow("the change failed");
    // Refused: the last owner cannot be demoted; a revoked key cannot be revoked again.
    await expect(changeMemberRole(as(owner.id), project.id, owner.id, "viewer")).rejects.toMatchObject({ code: "CONFLICT" });
    const key = await createApiKey(as(owner.id), project.id, "once", "read");
    await revokeApiKey(as(owner.id), project.id, key.id);
    await expect(revokeApiKey(as(owner.id), project.id, key.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await entriesOf(project.id)).map((r) => r.action)).toEqual(["api_key.created", "api_key.revoked"]);
  });

  it("is read by owners and admin keys only, paged newest first and filtered by action", async () => {
    const owner = await createTestUser();
    const editor = await createTestUser();
    const project = await createTestProject({ ownerId: owner.id });
    const invite = await createInvite(as(owner.id), project.id, { role: "editor", expiresInDays: 1 });
    await acceptInvite(as(editor.id), invite.token);
    const ingest = await authenticateApiKey((await createApiKey(as(owner.id), project.id, "job", "ingest")).secret);
    const admin = await authenticateApiKey((await createApiKey(as(owner.id), project.id, "ops", "admin")).secret);
    for (let i = 0; i < 55; i++) await withTransaction((tx) => recordAudit(tx, as(owner.id), project.id, "invite.revoked", { kind: "invite", id: String(i) }));

    await expect(getAuditLog(as(editor.id), project.slug)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAuditLog(ingest, project.slug)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("admin scope") });
    await expect(getAuditLog(as((await createTestUser()).id), project.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const first = await getAuditLog(admin, project.slug);
    expect(first.entries).toHaveLength(50);
    expect(first.nextBefore).not.toBeNull();
    const second = await getAuditLog(admin, project.slug, { before: first.nextBefore! });
    expect(second.entries.length).toBe(55 + 5 - 50); // 2 invite entries + member.joined + 2 keys
    expect(second.nextBefore).toBeNull();
    const ids = [...first.entries, ...second.entries].map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const created = await getAuditLog(as(owner.id), project.slug, { action: "api_key.created" });
    expect(created.entries.map((e) => e.target.label)).toEqual([expect.stringContaining("ops"), expect.stringContaining("job")]);
  });
});
