// The whole view of a run or comparison lives in the URL, so a copied link reopens exactly what was
// on screen. Pure: parsed on the server and in client components alike. Unknown or malformed
// values fall back to defaults rather than failing the page.
import { z } from "zod";

import { X_AXES } from "@/lib/series/types";

import { SCORE_METRICS } from "./score-metrics";

const list = <T extends string>(max: number, item: z.ZodType<T, string>) =>
  z
    .string()
    .max(max * 201)
    .transform((s) =>
      s
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(max));

const int = z.coerce.number().int().min(-2147483648).max(2147483647);

const ZViewState = z.object({
  x: z.enum(X_AXES).catch("step"),
  smooth: z.coerce.number().min(0).max(0.99).catch(0),
  log: list(50, z.string().min(1).max(200)).catch([]),
  from: int.optional().catch(undefined),
  to: int.optional().catch(undefined),
  keys: list(50, z.string().min(1).max(200)).optional().catch(undefined),
  metrics: list(4, z.enum(SCORE_METRICS)).catch(["gen", "und", "non"]),
  subtasks: list(100, z.string().min(1).max(200)).optional().catch(undefined),
  step: int.optional().catch(undefined),
  /** The paper table's benchmark and whether it shows its 95% intervals. */
  benchmark: z.string().min(1).max(200).optional().catch(undefined),
  intervals: z.enum(["1"]).optional().catch(undefined),
});
export type TViewState = z.infer<typeof ZViewState>;

export const DEFAULT_VIEW: TViewState = ZViewState.parse({});

type TSearch = Record<string, string | string[] | undefined> | URLSearchParams;

function first(search: TSearch, key: string): string | undefined {
  const v = search instanceof URLSearchParams ? (search.get(key) ?? undefined) : search[key];
  return Array.isArray(v) ? v[0] : v;
}

export function parseViewState(search: TSearch): TViewState {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(ZViewState.shape)) {
    const v = first(search, key);
    if (v !== undefined) raw[key] = v;
  }
  return ZViewState.parse(raw);
}

/** The query string of a view, defaults left out so links stay short; other parameters are kept. */
export function serializeViewState(view: TViewState, keep: URLSearchParams = new URLSearchParams()): string {
  const out = new URLSearchParams(keep);
  for (const key of Object.keys(ZViewState.shape)) out.delete(key);
  if (view.x !== DEFAULT_VIEW.x) out.set("x", view.x);
  if (view.smooth > 0) out.set("smooth", String(view.smooth));
  if (view.log.length) out.set("log", view.log.join(","));
  if (view.from !== undefined) out.set("from", String(view.from));
  if (view.to !== undefined) out.set("to", String(view.to));
  if (view.keys) out.set("keys", view.keys.join(","));
  if (view.metrics.join(",") !== DEFAULT_VIEW.metrics.join(",")) out.set("metrics", view.metrics.join(","));
  if (view.subtasks) out.set("subtasks", view.subtasks.join(","));
  if (view.step !== undefined) out.set("step", String(view.step));
  if (view.benchmark !== undefined) out.set("benchmark", view.benchmark);
  if (view.intervals) out.set("intervals", view.intervals);
  return out.toString();
}

/** Compare view: the 2–4 runs, in the order given. */
export const ZCompareRuns = list(4, z.uuid()).pipe(z.array(z.uuid()).min(2).max(4));
