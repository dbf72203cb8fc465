import type { TErrorCode } from "@/lib/errors";

/** What every server action returns (app/_lib/action.ts): data, field errors to show by the inputs, or an error. */
export type TActionResult<T = null> =
  { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string[]> } | { ok: false; error: { code: TErrorCode | "INTERNAL"; message: string } };

export type TAction<I, T> = (input: I) => Promise<TActionResult<T>>;
