import { z } from "zod";

import { ZId, ZProjectSlug } from "./common";

// "What changed since version v": the cheap question a page that shows a running run asks every few
// seconds while it is visible. Versions are opaque tokens: compare them for equality, never order them.

const ZVersion = z.string().regex(/^\d{1,30}(\.\d{1,10})?$/, "a version is a token this API gave out");

export const ZChangesQuery = z.object({ since: ZVersion.optional() });

export const ZProjectChangesParams = z.object({ slug: ZProjectSlug });
export const ZProjectChangesQuery = ZChangesQuery.extend({
  /** Only these runs (the compare view); comma-separated ids, at most 20. */
  runs: z
    .string()
    .max(20 * 37)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(ZId).min(1).max(20))
    .optional(),
});
export type TProjectChangesQuery = z.infer<typeof ZProjectChangesQuery>;

export const ZRunChanges = z.object({
  version: z.string(),
  /** False when `since` equals `version`; true when it differs or was not given. */
  changed: z.boolean(),
  status: z.enum(["running", "finished", "failed"]),
  /** When the last batch of samples, judgments or metric points was ingested (null: none recorded). */
  lastDataAt: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  /** Running, and neither data nor a heartbeat for `stalledAfterMinutes` (UNIGAP_STALLED_MINUTES). */
  stalled: z.boolean(),
  stalledAfterMinutes: z.number(),
});
export type TRunChanges = z.infer<typeof ZRunChanges>;

export const ZProjectChanges = z.object({ version: z.string(), changed: z.boolean() });
export type TProjectChanges = z.infer<typeof ZProjectChanges>;
