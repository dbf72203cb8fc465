import "server-only";

import { redirect } from "next/navigation";

import type { TActor } from "@/lib/auth/actor";
import { getSessionUser, type TSessionUser } from "@/lib/auth/session";

/** Pages only: the signed-in user as an actor, or a redirect to sign-in that comes back here. */
export async function requirePageUser(returnTo: string): Promise<{ user: TSessionUser; actor: TActor }> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return { user, actor: { kind: "user", userId: user.id } };
}
