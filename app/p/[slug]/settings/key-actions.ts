"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/app/_lib/action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import { ZCreateApiKey, ZRevokeApiKey } from "@/lib/validation/projects";

const SETTINGS = "/p/[slug]/settings";

/** The secret is in this one response and nowhere else; the page lists only its prefix afterwards. */
export const createApiKeyAction = userAction(ZCreateApiKey, async ({ projectId, name, scope }, { actor }) => {
  const key = await createApiKey(actor, projectId, name, scope);
  revalidatePath(SETTINGS, "page");
  return { id: key.id, name: key.name, prefix: key.prefix, scope: key.scope, secret: key.secret };
});

export const revokeApiKeyAction = userAction(ZRevokeApiKey, async ({ projectId, keyId }, { actor }) => {
  await revokeApiKey(actor, projectId, keyId);
  revalidatePath(SETTINGS, "page");
  return null;
});
