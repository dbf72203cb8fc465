import type { TConflict } from "@/lib/api/contracts/common";
import { AppError } from "@/lib/errors";

// Idempotency rules shared by every batch: an identical re-send is "unchanged", a different value
// under an existing natural key is a conflict the client must see field by field (409), unless it
// asked to overwrite. Pure: no I/O, so the rules are unit-tested on their own.

const MAX_REPORTED = 100;

/** NaN equals NaN here (a re-sent NaN loss is the same data); dates compare by instant; JSON deeply. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1))) : v,
  );
}

/**
 * Compares the fields a client stated (undefined = not stated, so not compared) with the stored row;
 * returns one conflict per differing field, located by batch index and path.
 */
export function diffStated(
  index: number,
  path: string,
  stored: Record<string, unknown>,
  sent: Record<string, unknown>,
  fields: readonly string[],
): TConflict[] {
  return fields
    .filter((field) => sent[field] !== undefined && !sameValue(stored[field] ?? null, sent[field]))
    .map((field) => ({ index, path: `${path}.${field}`, field, stored: toJson(stored[field] ?? null), sent: toJson(sent[field]) }));
}

function toJson(value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** The 409 for a batch with conflicts; nothing of the batch is kept (the caller's transaction rolls back). */
export function conflictError(what: string, conflicts: readonly TConflict[]): AppError {
  const first = conflicts[0]!;
  return new AppError(
    "CONFLICT",
    `${conflicts.length} ${what} differ from what is stored under the same key (first: ${first.path}). Nothing was written; resend with "overwrite": true (or ?overwrite=true) to replace them.`,
    { conflicts: conflicts.slice(0, MAX_REPORTED), total: conflicts.length },
  );
}

/** A batch may name each natural key once; the second occurrence is a 422 at its index. */
export function assertUniqueKeys<T>(items: readonly T[], keyOf: (item: T) => string, path: string, describe: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new AppError("INVALID_INPUT", `${path}.${index} repeats the ${describe} of ${path}.${first}.`, [
        { path: `${path}.${index}`, message: `duplicate ${describe} (first at index ${first})` },
      ]);
    }
    seen.set(key, index);
  });
}
