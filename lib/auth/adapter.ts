import "server-only";

import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";

import {
  deleteProviderAccount,
  findOAuthUserByEmail,
  findOAuthUserById,
  findUserByProviderAccount,
  insertOAuthUser,
  insertProviderAccount,
  updateOAuthUser,
  type TOAuthUserRow,
} from "@/lib/users/oauth-repository";
import { normalizeEmail } from "@/lib/users/service";

// next-auth's adapter over our repositories, used by OAuth sign-in only: it creates the User on first
// sign-in and links the provider Account. Sessions stay JWTs, so no session methods. Provider access
// and refresh tokens are not stored: unigap never calls the provider's API, and a token it does not
// keep cannot leak.

function toAdapterUser(row: TOAuthUserRow): AdapterUser {
  return { id: row.id, email: row.email, name: row.name, image: row.image, emailVerified: row.emailVerified, sessionVersion: row.sessionVersion };
}

export function createAuthAdapter(): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      if (!user.email) throw new Error("The identity provider did not share an email address.");
      const row = await insertOAuthUser({
        email: normalizeEmail(user.email),
        name: user.name?.slice(0, 200) ?? null,
        image: user.image?.slice(0, 2000) ?? null,
        emailVerified: user.emailVerified ?? null,
      });
      return toAdapterUser(row);
    },
    async getUser(id) {
      const row = await findOAuthUserById(id);
      return row ? toAdapterUser(row) : null;
    },
    async getUserByEmail(email) {
      const row = await findOAuthUserByEmail(normalizeEmail(email));
      return row ? toAdapterUser(row) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const row = await findUserByProviderAccount(provider, providerAccountId);
      return row ? toAdapterUser(row) : null;
    },
    async updateUser(user) {
      const row = await updateOAuthUser(user.id, { name: user.name, image: user.image, emailVerified: user.emailVerified });
      return toAdapterUser(row);
    },
    async linkAccount(account: AdapterAccount) {
      await insertProviderAccount({
        userId: account.userId,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        refresh_token: null,
        access_token: null,
        expires_at: null,
        token_type: null,
        scope: null,
        id_token: null,
        session_state: null,
      });
    },
    async unlinkAccount({ provider, providerAccountId }: Pick<AdapterAccount, "provider" | "providerAccountId">) {
      await deleteProviderAccount(provider, providerAccountId);
    },
  };
}
