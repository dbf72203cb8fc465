import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

// The rows next-auth's OAuth sign-in needs (users and their linked provider accounts). Sessions are
// JWTs, so the Session and VerificationToken tables stay unused.

const oauthUserSelect = { id: true, email: true, name: true, image: true, emailVerified: true, sessionVersion: true } satisfies Prisma.UserSelect;

export type TOAuthUserRow = Prisma.UserGetPayload<{ select: typeof oauthUserSelect }>;

export async function findOAuthUserById(id: string) {
  const { prisma } = await getDb();
  return prisma.user.findUnique({ where: { id }, select: oauthUserSelect });
}

export async function findOAuthUserByEmail(email: string) {
  const { prisma } = await getDb();
  return prisma.user.findUnique({ where: { email }, select: oauthUserSelect });
}

export async function findUserByProviderAccount(provider: string, providerAccountId: string) {
  const { prisma } = await getDb();
  const row = await prisma.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: oauthUserSelect } },
  });
  return row?.user ?? null;
}

export async function insertOAuthUser(data: { email: string; name: string | null; image: string | null; emailVerified: Date | null }) {
  const { prisma } = await getDb();
  return prisma.user.create({ data, select: oauthUserSelect });
}

export async function updateOAuthUser(id: string, data: { name?: string | null; image?: string | null; emailVerified?: Date | null }) {
  const { prisma } = await getDb();
  return prisma.user.update({ where: { id }, data, select: oauthUserSelect });
}

export type TProviderAccount = {
  userId: string;
  type: string;
  provider: string;
  providerAccountId: string;
  refresh_token: string | null;
  access_token: string | null;
  expires_at: number | null;
  token_type: string | null;
  scope: string | null;
  id_token: string | null;
  session_state: string | null;
};

export async function insertProviderAccount(data: TProviderAccount) {
  const { prisma } = await getDb();
  await prisma.account.create({ data, select: { id: true } });
}

export async function deleteProviderAccount(provider: string, providerAccountId: string) {
  const { prisma } = await getDb();
  await prisma.account.deleteMany({ where: { provider, providerAccountId } });
}
