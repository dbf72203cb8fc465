import { describe, expect, it } from "vitest";

import { createAuthAdapter } from "@/lib/auth/adapter";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createTestUser, uniqueSuffix } from "@/prisma/factories";

import { changePassword, getCurrentSessionUser, verifyCredentials } from "./service";

const db = setupTestDatabase();

describe("accounts", () => {
  it("end every older session when the password changes", async () => {
    const user = await createTestUser();
    const before = await verifyCredentials(user.email.toUpperCase(), user.password);
    expect(before?.sessionVersion).toBe(0);
    await expect(changePassword({ kind: "user", userId: user.id }, { currentPassword: "wrong", newPassword: "a-new-long-password" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const { sessionVersion } = await changePassword({ kind: "user", userId: user.id }, { currentPassword: user.password, newPassword: "a-new-long-password" });
    expect(sessionVersion).toBe(1);
    expect(await getCurrentSessionUser(user.id, 0)).toBeNull();
    expect(await getCurrentSessionUser(user.id, 1)).toMatchObject({ email: user.email });
    expect(await verifyCredentials(user.email, user.password)).toBeNull();
    expect(await verifyCredentials(user.email, "a-new-long-password")).toMatchObject({ id: user.id });
  });

  it("create OAuth users and link their provider account without keeping provider tokens", async () => {
    const adapter = createAuthAdapter();
    const email = `Oauth-${uniqueSuffix()}@Example.test`;
    const user = await adapter.createUser!({ email, name: "Octo Cat", image: null, emailVerified: null });
    expect(user.email).toBe(email.toLowerCase());
    await adapter.linkAccount!({
      userId: user.id,
      type: "oauth",
      provider: "github",
      providerAccountId: "42",
      access_token: "gho_secret",
      refresh_token: "ghr_secret",
    });
    expect(await adapter.getUserByAccount!({ provider: "github", providerAccountId: "42" })).toMatchObject({ id: user.id, sessionVersion: 0 });
    const [row] = await db.current.sql.query<{ access_token: string | null; refresh_token: string | null }>(
      `SELECT access_token, refresh_token FROM accounts WHERE user_id = $1`,
      [user.id],
    );
    expect(row).toEqual({ access_token: null, refresh_token: null });
  });
});
