import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

const userSelect = { id: true, email: true, name: true } satisfies Prisma.UserSelect;
const userWithPasswordSelect = { ...userSelect, passwordHash: true } satisfies Prisma.UserSelect;

export async function findUserByEmail(email: string) {
  const { prisma } = await getDb();
  return prisma.user.findUnique({ where: { email }, select: userWithPasswordSelect });
}

export async function findUserById(id: string) {
  const { prisma } = await getDb();
  return prisma.user.findUnique({ where: { id }, select: userSelect });
}

export async function insertUser(data: { email: string; name: string | null; passwordHash: string | null }) {
  const { prisma } = await getDb();
  return prisma.user.create({ data, select: userSelect });
}
