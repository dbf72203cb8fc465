import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

const userSelect = { id: true, email: true, name: true } satisfies Prisma.UserSelect;
const userWithPasswordSelect = { ...userSelect, passwordHash: true, sessionVersion: true } satisfies Prisma.UserSelect;
const sessionUserSelect = { ...userSelect, sessionVersion: true } satisfies Prisma.UserSelect;

export async function findUserByEmail(email: string) {
  const { prisma } = await getDb();
  return prisma.user.findUnique({ where: { email }, select: userWithPasswordSelect });
}

export async function findUserWithPasswordById(id: string) {
  const { prisma } = await getDb();
  return prisma.user.findUnique({ where: { id }, select: userWithPasswordSelect });
}

/** What a session check needs: the user still exists and their session version. */
export async function findSessionUser(id: string) {
  const { prisma } = await getDb();
  return prisma.user.findUnique({ where: { id }, select: sessionUserSelect });
}

export async function insertUser(data: { email: string; name: string | null; passwordHash: string | null }) {
  const { prisma } = await getDb();
  return prisma.user.create({ data, select: userSelect });
}

/** Stores a new password hash and bumps the session version, which signs out every other session. */
export async function updatePasswordHash(id: string, passwordHash: string): Promise<number> {
  const { prisma } = await getDb();
  const row = await prisma.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return row.sessionVersion;
}
