// The runs table's query: search, filters, sort and the keyset cursor, all from the URL. Pure.
import { z } from "zod";

const RUN_SORTS = ["created", "name", "gen", "und", "non"] as const;
export type TRunSort = (typeof RUN_SORTS)[number];
export const RUN_STATUSES = ["running", "finished", "failed"] as const;
export const RUNS_PAGE_SIZE = 50;
/** The most runs one page may hold (the API's `limit` and run pickers). */
export const MAX_RUNS_PAGE = 200;
/** Below this many judged images a latest figure is flagged, not read as a finding. */
export const TABLE_LOW_N = 30;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s || undefined)
    .optional()
    .catch(undefined);

const ZRunListQuery = z.object({
  q: text(200),
  /** Exact run name (the API's `?name=`); `q` is the table's substring search. */
  name: text(200),
  method: text(100),
  tag: text(100),
  benchmark: text(100),
  status: z.enum(RUN_STATUSES).optional().catch(undefined),
  sort: z.enum(RUN_SORTS).catch("created"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  after: z.string().max(600).optional().catch(undefined),
});
export type TRunListQuery = z.infer<typeof ZRunListQuery>;

/** Keyset position: the last row's sort value (null sorts last) and its id. */
export type TRunCursor = { value: string | number | null; id: string };

const ZCursor = z.tuple([z.union([z.string().max(400), z.number(), z.null()]), z.uuid()]);

// base64url through btoa/atob so the module stays importable in the browser too.
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function fromBase64Url(raw: string): string {
  const bytes = Uint8Array.from(atob(raw.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function encodeCursor(cursor: TRunCursor): string {
  return toBase64Url(JSON.stringify([cursor.value, cursor.id]));
}

/** A malformed cursor means "first page", never an error page. */
export function decodeCursor(raw: string | undefined): TRunCursor | null {
  if (!raw) return null;
  try {
    const parsed = ZCursor.safeParse(JSON.parse(fromBase64Url(raw)));
    return parsed.success ? { value: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** Every run of a project, newest first: the query behind run pickers. */
export const ALL_RUNS_NEWEST_FIRST: TRunListQuery = { sort: "created", dir: "desc" };

export function parseRunListQuery(search: Record<string, string | string[] | undefined>): TRunListQuery {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(search)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined) flat[k] = value;
  }
  return ZRunListQuery.parse(flat);
}

/** The table's URL for a changed query; paging restarts unless a cursor is given. */
export function runListHref(base: string, query: TRunListQuery, patch: Partial<TRunListQuery>): string {
  const next = { ...query, after: undefined, ...patch };
  const params = new URLSearchParams();
  for (const key of ["q", "method", "tag", "benchmark", "status"] as const) if (next[key]) params.set(key, next[key]!);
  if (next.sort !== "created") params.set("sort", next.sort);
  if (next.dir !== "desc") params.set("dir", next.dir);
  if (next.after) params.set("after", next.after);
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}
