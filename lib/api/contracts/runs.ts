import { z } from "zod";

import { ZExternalId, ZId, ZJsonValue, ZLongText, ZName, ZProjectSlug, ZStep } from "./common";

const RUN_STATUSES = ["running", "finished", "failed"] as const;
const ZTag = z.string().trim().min(1).max(64);
const ZMethod = z.string().trim().min(1).max(100);

export const ZCreateRunRequest = z.object({
  name: ZName,
  /** Defaults to the API key's project; a session user must name it. */
  project: ZProjectSlug.optional(),
  method: ZMethod.optional(),
  tags: z.array(ZTag).max(50).optional(),
  config: z.record(z.string().max(200), ZJsonValue).optional(),
  notes: ZLongText.optional(),
  baselineRunId: ZId.nullish(),
  baselineStep: ZStep.nullish(),
  /** Client-chosen id: creating twice with the same one returns the same run. */
  externalId: ZExternalId.optional(),
  /** Lineage: the datasets (ids) this run trains on. */
  trainedOn: z.array(ZId).max(50).optional(),
});
export type TCreateRunRequest = z.infer<typeof ZCreateRunRequest>;

export const ZUpdateRunRequest = z
  .object({
    status: z.enum(RUN_STATUSES).optional(),
    notes: ZLongText.optional(),
    tags: z.array(ZTag).max(50).optional(),
    trainedOn: z.array(ZId).max(50).optional(),
  })
  // A key the update does not know (say `name`) is refused, not silently ignored as if it had been applied.
  .strict()
  .refine(
    (v) => v.status !== undefined || v.notes !== undefined || v.tags !== undefined || v.trainedOn !== undefined,
    "send at least one of status, notes, tags, trainedOn",
  );
export type TUpdateRunRequest = z.infer<typeof ZUpdateRunRequest>;

export const ZListRunsQuery = z.object({
  project: ZProjectSlug.optional(),
  name: ZName.optional(),
  method: ZMethod.optional(),
  tag: ZTag.optional(),
  status: z.enum(RUN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type TListRunsQuery = z.infer<typeof ZListRunsQuery>;

export const ZRunParams = z.object({ runId: ZId });

export const ZRun = z.object({
  id: z.string(),
  url: z.string(),
  project: z.string(),
  name: z.string(),
  method: z.string(),
  tags: z.array(z.string()),
  config: z.unknown(),
  notes: z.string(),
  status: z.enum(RUN_STATUSES),
  baselineRunId: z.string().nullable(),
  baselineStep: z.number().nullable(),
  externalId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  heartbeatAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TRun = z.infer<typeof ZRun>;

export const ZCreateRunResponse = ZRun.extend({ created: z.boolean() });
export const ZListRunsResponse = z.object({ runs: z.array(ZRun), nextCursor: z.string().nullable() });
export const ZHeartbeatResponse = z.object({ id: z.string(), heartbeatAt: z.string() });
