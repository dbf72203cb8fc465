import { z } from "zod";

import { SAMPLE_ROLES } from "@/lib/samples/explorer-query";

// Contracts of the explorer's server actions: a human label and a new audit session. Client-safe.

const AUDIT_LIMITS = { maxSize: 500, noteChars: 2000 } as const;

export const ZLabelSample = z.object({
  sampleId: z.string().regex(/^\d{1,18}$/, "not a sample id"),
  verdict: z.union([z.literal(0), z.literal(1)]),
  note: z.string().trim().max(AUDIT_LIMITS.noteChars).nullish(),
});
export type TLabelSampleRequest = z.infer<typeof ZLabelSample>;

export const ZCreateAuditSession = z.object({
  projectId: z.uuid(),
  runId: z.uuid(),
  step: z.number().int().min(-1_000_000_000).max(1_000_000_000).nullish(),
  role: z.enum(SAMPLE_ROLES).nullish(),
  size: z.number().int().min(1).max(AUDIT_LIMITS.maxSize).default(100),
  seed: z.number().int().min(0).max(2_147_483_647).nullish(),
});
export type TCreateAuditSessionRequest = z.infer<typeof ZCreateAuditSession>;
