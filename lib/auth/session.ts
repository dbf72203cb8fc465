import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";

import { getCurrentSessionUser } from "@/lib/users/service";

import { authOptions } from "./options";

export type TSessionUser = { id: string; email: string | null; name: string | null };

/**
 * The signed-in person for this request, or null. Cached per request. The JWT alone is not trusted:
 * a deleted user or a password changed since sign-in ends the session.
 */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id) return null;
  return getCurrentSessionUser(user.id, user.sessionVersion ?? 0);
});
