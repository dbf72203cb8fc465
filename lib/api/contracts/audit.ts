import { z } from "zod";

import { AUDIT_ACTIONS } from "@/lib/audit/types";

// The project audit log through the API (issue 17): pure zod, shared by the route, the page's filter
// and the OpenAPI document.

export const ZAuditLogParams = z.object({ slug: z.string().min(1).max(100) });

export const ZAuditLogQuery = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional().describe("Only entries of this action."),
    before: z
      .string()
      .regex(/^[1-9][0-9]{0,17}$/, "an entry id (a whole number)")
      .optional()
      .describe("Entries older than this id: the `nextBefore` of the previous page."),
  })
  .strict();

const ZAuditLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.object({ kind: z.enum(["user", "apiKey", "share", "system"]), id: z.string().nullable(), label: z.string() }),
  target: z.object({ kind: z.string().nullable(), id: z.string().nullable(), label: z.string().nullable() }),
  details: z.record(z.string(), z.unknown()),
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
});

export const ZAuditLogResponse = z.object({ entries: z.array(ZAuditLogEntry), nextBefore: z.string().nullable() });
