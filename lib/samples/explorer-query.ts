// The sample explorer's query: filters and the keyset cursor, all from the URL. Pure (client-safe).
// Unlike the runs table, a malformed filter is not silently dropped: the explorer answers "show me
// the false positives at step 400", and quietly showing something else would mislead. Invalid
// values become readable messages; the page shows them instead of results.
import { z } from "zod";

export const SAMPLE_ROLES = ["sft_chosen", "dpo_chosen", "dpo_rejected", "discarded", "eval", "candidate"] as const;
export type TSampleRole = (typeof SAMPLE_ROLES)[number];

/**
 * Verdict classes of one image, from its own checkpoint's self verdict and the external verdict
 * (docs/metrics.md#self-judge-confusion, #transition-triples):
 * contradiction = the two disagree; fp = self 1, external 0; fn = self 0, external 1; agree = both
 * parse and match; cfp = a false positive that a later checkpoint of the run rejects (triple 0,1,0);
 * flipped = the self verdict differs from the same prompt and candidate's at the previous checkpoint.
 */
export const VERDICT_CLASSES = ["contradiction", "fp", "fn", "agree", "cfp", "flipped"] as const;
export type TVerdictClass = (typeof VERDICT_CLASSES)[number];
export const VERDICT_CLASS_LABEL: Record<TVerdictClass, string> = {
  contradiction: "self-contradiction",
  fp: "false positive",
  fn: "false negative",
  agree: "agreement",
  cfp: "corrected false positive",
  flipped: "flipped since previous checkpoint",
};

export const EXPLORER_PAGE_SIZE = 60;

export type TExplorerQuery = {
  run?: string;
  /** A checkpoint step, or "all"; unset = the run's latest checkpoint. */
  step?: number | "all";
  benchmark?: string;
  subtask?: string;
  role?: TSampleRole;
  class?: TVerdictClass;
  q?: string;
  cursor?: string;
};

export type TExplorerCursor = { step: number; id: string };

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .transform((s) => s || undefined)
    .optional();

const ZExplorerQuery = z.object({
  run: z.uuid("not a run id").optional(),
  step: z
    .union(
      [
        z.literal("all"),
        z
          .string()
          .regex(/^-?\d{1,9}$/)
          .transform(Number),
      ],
      { error: "a checkpoint step (a whole number) or all" },
    )
    .optional(),
  benchmark: text(100),
  subtask: text(100),
  role: z.enum(SAMPLE_ROLES, `one of ${SAMPLE_ROLES.join(", ")}`).optional(),
  class: z.enum(VERDICT_CLASSES, `one of ${VERDICT_CLASSES.join(", ")}`).optional(),
  q: text(200),
  cursor: z.string().max(200).optional(),
});

export type TParsedExplorerQuery = { ok: true; query: TExplorerQuery } | { ok: false; errors: string[] };

/** Parses the explorer's URL; every invalid value is named ("step: a checkpoint step …"). */
export function parseExplorerQuery(search: Record<string, string | string[] | undefined>): TParsedExplorerQuery {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(search)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "") flat[k] = value;
  }
  const parsed = ZExplorerQuery.safeParse(flat);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message} (got “${String(flat[String(i.path[0])] ?? "").slice(0, 60)}”)`),
    };
  if (parsed.data.cursor !== undefined && !decodeExplorerCursor(parsed.data.cursor))
    return { ok: false, errors: ["cursor: not a page position of this explorer; start again from the first page"] };
  const query: TExplorerQuery = {};
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) (query as Record<string, unknown>)[k] = v;
  return { ok: true, query };
}

export function encodeExplorerCursor(cursor: TExplorerCursor): string {
  return `${cursor.step}_${cursor.id}`;
}

export function decodeExplorerCursor(raw: string | undefined): TExplorerCursor | null {
  const match = raw ? /^(-?\d{1,9})_(\d{1,19})$/.exec(raw) : null;
  return match ? { step: Number(match[1]), id: match[2]! } : null;
}

/** The explorer's URL for a changed query; paging restarts unless a cursor is given. */
export function explorerHref(slug: string, query: TExplorerQuery, patch: Partial<Record<keyof TExplorerQuery, string | number | undefined>> = {}): string {
  const next: Record<string, unknown> = { ...query, cursor: undefined, ...patch };
  const params = new URLSearchParams();
  for (const key of ["run", "step", "benchmark", "subtask", "role", "class", "q", "cursor"] as const) {
    const value = next[key];
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return `/p/${encodeURIComponent(slug)}/samples${qs ? `?${qs}` : ""}`;
}
