"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/app/_lib/action";
import { createShareLink, revokeShareLink } from "@/lib/sharing/service";
import type { TCreateShareLinkInput } from "@/lib/sharing/types";
import { ZCreateShareLink, ZRevokeShareLink, type TCreateShareLinkRequest } from "@/lib/validation/sharing";

// Share links are made from the settings page and, once the dashboard has them, from the run and
// compare pages (a "Share" button that passes the scope and the page's view state).

const SETTINGS = "/p/[slug]/settings";

function toServiceInput(request: TCreateShareLinkRequest): TCreateShareLinkInput {
  const common = { anonymized: request.anonymized, label: request.label || null, expiresAt: request.expiresAt ? new Date(request.expiresAt) : null };
  if (request.scope === "run") return { ...common, scope: "run", runId: request.runId };
  if (request.scope === "comparison") return { ...common, scope: "comparison", runIds: request.runIds, viewQuery: request.viewQuery };
  return { ...common, scope: "samples", sampleIds: request.sampleIds };
}

/** The token is in this one response only; the settings page shows the link's scope and use from then on. */
export const createShareLinkAction = userAction(ZCreateShareLink, async (request, { actor }) => {
  const link = await createShareLink(actor, request.projectId, toServiceInput(request));
  revalidatePath(SETTINGS, "page");
  return { id: link.id, path: link.path };
});

export const revokeShareLinkAction = userAction(ZRevokeShareLink, async ({ projectId, linkId }, { actor }) => {
  await revokeShareLink(actor, projectId, linkId);
  revalidatePath(SETTINGS, "page");
  return null;
});
