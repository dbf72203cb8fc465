import "server-only";

import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";

import { findUserByEmail, insertUser } from "./repository";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks an email and password; null for any mismatch so callers cannot tell which part was wrong. */
export async function verifyCredentials(email: string, password: string) {
  const user = await findUserByEmail(normalizeEmail(email));
  if (!user?.passwordHash) return null;
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}

export async function createUserWithPassword(input: { email: string; name?: string | null; password: string }) {
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(email)) throw new AppError("CONFLICT", `An account for ${email} already exists.`);
  return insertUser({ email, name: input.name ?? null, passwordHash: await hashPassword(input.password) });
}
