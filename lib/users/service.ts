import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";

import { findSessionUser, findUserByEmail, findUserWithPasswordById, insertUser, updatePasswordHash } from "./repository";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Verifying against a real hash when the account does not exist keeps the response time the same,
// so timing does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("unigap-timing-equaliser");
  return dummyHash;
}

/** Checks an email and password; null for any mismatch so callers cannot tell which part was wrong. */
export async function verifyCredentials(email: string, password: string) {
  const user = await findUserByEmail(normalizeEmail(email));
  if (!user?.passwordHash) {
    await verifyPassword(await getDummyHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export async function createUserWithPassword(input: { email: string; name?: string | null; password: string }) {
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(email)) throw new AppError("CONFLICT", `An account for ${email} already exists. Sign in instead.`, { field: "email" });
  return insertUser({ email, name: input.name ?? null, passwordHash: await hashPassword(input.password) });
}

/**
 * Replaces the caller's password after checking the current one (not asked of an OAuth account that
 * has none yet). Bumps the session version: every session signed in before, this one included, ends.
 */
export async function changePassword(actor: TActor, input: { currentPassword: string; newPassword: string }) {
  if (actor.kind !== "user") throw new AppError("UNAUTHORIZED", "Sign in to change your password.");
  const user = await findUserWithPasswordById(actor.userId);
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to change your password.");
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", "The current password is wrong.", { field: "currentPassword" });
  }
  const sessionVersion = await updatePasswordHash(user.id, await hashPassword(input.newPassword));
  return { email: user.email, sessionVersion };
}

/** The user behind a session token, if it still exists and the token is not older than the last password change. */
export async function getCurrentSessionUser(userId: string, sessionVersion: number) {
  const user = await findSessionUser(userId);
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name };
}

/** OAuth accounts start without a password; the account page then offers to set one. */
export async function hasPassword(userId: string): Promise<boolean> {
  return Boolean((await findUserWithPasswordById(userId))?.passwordHash);
}
