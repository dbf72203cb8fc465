"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";

import { userAction } from "@/app/_lib/action";
import { acceptInvite } from "@/lib/projects/invite-service";
import { INVITE_COOKIE } from "@/lib/projects/invite-cookie";

/** Accepts the invitation whose link this browser opened (its token is in the invite cookie). */
export const acceptInviteAction = userAction(z.object({}), async (_input, { actor }) => {
  const jar = await cookies();
  const { slug } = await acceptInvite(actor, jar.get(INVITE_COOKIE)?.value ?? "");
  jar.delete(INVITE_COOKIE);
  revalidatePath("/projects");
  return { slug };
});
