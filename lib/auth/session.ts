import "server-only";

import { getServerSession } from "next-auth";
import { cache } from "react";

import { authOptions } from "./options";

export type TSessionUser = { id: string; email: string | null; name: string | null };

/** The signed-in person for this request, or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? null, name: user.name ?? null };
});
