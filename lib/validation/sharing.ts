import { z } from "zod";

import { ZBigintId } from "@/lib/api/contracts/common";
import { SHARE_LIMITS } from "@/lib/sharing/types";

// Contract of "create a share link" (server action and any future API). Client-safe.

const base = {
  projectId: z.uuid(),
  anonymized: z.boolean().default(false),
  label: z.string().trim().max(SHARE_LIMITS.labelChars).nullish(),
  /** ISO time after which the link stops working; null or absent: until revoked. */
  expiresAt: z.iso.datetime({ offset: true }).nullish(),
};

export const ZCreateShareLink = z.discriminatedUnion("scope", [
  z.object({ ...base, scope: z.literal("run"), runId: z.uuid() }),
  z.object({
    ...base,
    scope: z.literal("comparison"),
    runIds: z.array(z.uuid()).min(2).max(SHARE_LIMITS.comparisonRuns),
    viewQuery: z.string().max(SHARE_LIMITS.viewQueryChars).default(""),
  }),
  z.object({ ...base, scope: z.literal("samples"), sampleIds: z.array(ZBigintId).min(1).max(SHARE_LIMITS.samples) }),
]);
export type TCreateShareLinkRequest = z.infer<typeof ZCreateShareLink>;

export const ZRevokeShareLink = z.object({ projectId: z.uuid(), linkId: z.uuid() });
