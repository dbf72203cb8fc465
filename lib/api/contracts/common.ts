import { z } from "zod";

// Building blocks of the public API's contracts. Pure zod, no server imports: the routes, the
// OpenAPI document, the TypeScript client and the end-to-end tests all read these same schemas.

export const INGEST_LIMITS = {
  metricPoints: 10_000,
  metricBytes: 5 * 1024 * 1024,
  samples: 2_000,
  sampleBytes: 16 * 1024 * 1024,
  judgments: 10_000,
  prompts: 5_000,
  blobCheck: 2_000,
  judgmentsPerSample: 32,
  listSamples: 5_000,
} as const;

export const ZId = z.uuid();
/** Whether a string is a UUID (run, project, dataset ids): anything else is not found without a query. */
export function isUuid(id: string): boolean {
  return ZId.safeParse(id).success;
}
const MAX_BIGINT = 9_223_372_036_854_775_807n;
/** Whether a string is a row id PostgreSQL's bigint can hold (samples, judgments): digits, at most 2^63 − 1. */
export function isBigintId(id: string): boolean {
  return /^\d{1,19}$/.test(id) && BigInt(id) <= MAX_BIGINT;
}
export const ZBigintId = z.string().refine(isBigintId, "an id is a whole number of at most 9223372036854775807");
export const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/, "a sha256 is 64 lowercase hex characters");
export const ZStep = z.number().int().min(0).max(2_147_483_647);
export const ZName = z.string().trim().min(1).max(200);
export const ZExternalId = z.string().trim().min(1).max(200);
export const ZProjectSlug = z.string().trim().min(1).max(100);
export const ZLongText = z.string().max(20_000);
export const ZFiniteNumber = z.number().refine(Number.isFinite, "must be a finite number");
/** Longest text value inside a JSON value (a config entry, a prompt spec field). */
export const MAX_JSON_TEXT = 20_000;

/** Any JSON value (configs, prompt specs) whose text values are at most MAX_JSON_TEXT characters; the body limit bounds the rest. */
export const ZJsonValue = z.json().superRefine((value, ctx) => {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === "string" && item.value.length > MAX_JSON_TEXT) {
      ctx.addIssue({
        code: "custom",
        path: item.path,
        message: `a text value holds at most ${MAX_JSON_TEXT.toLocaleString("en")} characters; this one has ${item.value.length.toLocaleString("en")}`,
      });
      return;
    }
    if (item.value === null || typeof item.value !== "object") continue;
    for (const [key, child] of Array.isArray(item.value) ? item.value.entries() : Object.entries(item.value))
      stack.push({ value: child, path: [...item.path, key] });
  }
});

/** Seconds since the epoch (what time.time() gives) or an ISO 8601 date-time. */
export const ZWallTime = z
  .union([z.number().min(0).max(32_503_680_000), z.iso.datetime({ offset: true })])
  .transform((v) => (typeof v === "number" ? new Date(v * 1000) : new Date(v)));

/** `?overwrite=true` on the query string; the body may say `"overwrite": true` too. */
export const ZOverwriteQuery = z.object({ overwrite: z.enum(["true", "false", "1", "0"]).optional() });

export function isOverwrite(query: { overwrite?: string }, body: { overwrite?: boolean }): boolean {
  return body.overwrite === true || query.overwrite === "true" || query.overwrite === "1";
}

/** What every batch answers: how many rows were new, identical to what was stored, or replaced. */
export const ZBatchCounts = z.object({ inserted: z.number().int(), unchanged: z.number().int(), updated: z.number().int() });
export type TBatchCounts = z.infer<typeof ZBatchCounts>;

/** One field of one item that differs from what is stored under the same natural key. */
export const ZConflict = z.object({
  index: z.number().int(),
  path: z.string(),
  field: z.string(),
  stored: z.unknown(),
  sent: z.unknown(),
});
export type TConflict = z.infer<typeof ZConflict>;

export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
