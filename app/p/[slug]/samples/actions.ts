"use server";

import { userAction } from "@/app/_lib/action";
import { createAuditSession, labelSample } from "@/lib/samples/audit-service";
import { ZCreateAuditSession, ZLabelSample } from "@/lib/validation/samples";

// Human audit: one label per reviewer and sample (relabelling replaces it), and a seeded random
// draw to walk through. The pages re-read on router.refresh(); nothing is cached to revalidate.

export const labelSampleAction = userAction(ZLabelSample, async (input, { actor }) => {
  await labelSample(actor, input);
  return null;
});

export const createAuditSessionAction = userAction(ZCreateAuditSession, async ({ projectId, ...input }, { actor }) => {
  return createAuditSession(actor, projectId, input);
});
