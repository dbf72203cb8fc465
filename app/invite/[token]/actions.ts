"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/app/_lib/action";
import { acceptInvite } from "@/lib/projects/invite-service";
import { ZAcceptInvite } from "@/lib/validation/projects";

export const acceptInviteAction = userAction(ZAcceptInvite, async ({ token }, { actor }) => {
  const { slug } = await acceptInvite(actor, token);
  revalidatePath("/projects");
  return { slug };
});
