import "server-only";

import { headers } from "next/headers";
import { z } from "zod";

import type { TActor } from "@/lib/auth/actor";
import { getSessionUser, type TSessionUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import type { TActionResult } from "@/lib/http/action-result";
import { originOf, runWithOrigin } from "@/lib/http/request-context";
import { findUnstorableText } from "@/lib/http/text-guard";

// Every server action is written the same way: zod safeParse → require the user → service →
// revalidate → a plain result. Services throw AppError; this turns it into something a form can show.
// An AppError whose details name a `field` becomes a field error next to that input.

type TUserContext = { actor: TActor; user: TSessionUser };

function toFailure(error: unknown): TActionResult<never> {
  if (isAppError(error)) {
    const field = (error.details as { field?: unknown } | undefined)?.field;
    if (typeof field === "string") return { ok: false, fieldErrors: { [field]: [error.message] } };
    return { ok: false, error: { code: error.code, message: error.message } };
  }
  console.error("[unigap] server action failed", error);
  return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on the server." } };
}

function parse<S extends z.ZodType>(schema: S, input: unknown): { data: z.infer<S> } | { failure: TActionResult<never> } {
  const unstorable = findUnstorableText(input);
  if (unstorable) return { failure: { ok: false, fieldErrors: { [unstorable.path.split(".")[0] || "form"]: [`This ${unstorable.message}.`] } } };
  const parsed = schema.safeParse(input);
  if (parsed.success) return { data: parsed.data };
  const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
  return { failure: { ok: false, fieldErrors: Object.keys(fieldErrors).length > 0 ? fieldErrors : { form: ["The form is not valid."] } } };
}

/** An action for signed-in people. Anyone else gets UNAUTHORIZED, whatever else they send. */
export function userAction<S extends z.ZodType, T>(schema: S, run: (input: z.infer<S>, ctx: TUserContext) => Promise<T>) {
  return async (input: unknown): Promise<TActionResult<T>> => {
    const parsed = parse(schema, input);
    if ("failure" in parsed) return parsed.failure;
    const user = await getSessionUser();
    if (!user) return { ok: false, error: { code: "UNAUTHORIZED", message: "Your session has ended: sign in again." } };
    try {
      const origin = originOf(await headers());
      return { ok: true, data: await runWithOrigin(origin, () => run(parsed.data, { actor: { kind: "user", userId: user.id }, user })) };
    } catch (error) {
      return toFailure(error);
    }
  };
}

/** An action anyone may call (sign-up); the service and its rate limit are the only guard. */
export function publicAction<S extends z.ZodType, T>(schema: S, run: (input: z.infer<S>) => Promise<T>) {
  return async (input: unknown): Promise<TActionResult<T>> => {
    const parsed = parse(schema, input);
    if ("failure" in parsed) return parsed.failure;
    try {
      return { ok: true, data: await run(parsed.data) };
    } catch (error) {
      return toFailure(error);
    }
  };
}
