// One way to write down what happened to a call, whatever it was: "200", "404", "→/sign-in" for
// HTTP (a redirect names where it goes), and "ok", "fieldErrors", an error code or "refused" for a
// server action. The matrix compares these strings, so a failure reads like the table it came from.
import type { APIResponse } from "@playwright/test";

import type { TClient } from "../../support/accounts";
import { callAction } from "../../support/server-actions";

import { CALLERS, type TCaller } from "./world";

export type TResult = { outcome: string; text: string; json: unknown; headers: Record<string, string> };

export async function fromResponse(response: APIResponse): Promise<TResult> {
  const headers = response.headers();
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* an HTML page or an empty redirect */
  }
  const location = headers.location;
  const outcome = response.status() >= 300 && response.status() < 400 && location ? `→${new URL(location, "http://x").pathname}` : String(response.status());
  return { outcome, text, json, headers };
}

export async function fromAction(client: TClient, name: string, input: unknown): Promise<TResult> {
  const { status, result } = await callAction(client.request, client.baseURL, name, input);
  const outcome = !result ? "refused" : result.ok ? "ok" : result.fieldErrors ? "fieldErrors" : (result.error?.code ?? `status ${status}`);
  return { outcome, text: JSON.stringify(result), json: result, headers: {} };
}

/** Expected outcomes: one default, the callers that differ named. */
export function byCaller(fallback: string, overrides: Partial<Record<TCaller, string>>): Record<TCaller, string> {
  return Object.fromEntries(CALLERS.map((caller) => [caller, overrides[caller] ?? fallback])) as Record<TCaller, string>;
}

export const SIGNED_IN = ["stranger", "viewer", "editor", "owner"] as const satisfies readonly TCaller[];
export const MEMBERS = ["viewer", "editor", "owner"] as const satisfies readonly TCaller[];

export function isSignedIn(caller: TCaller): caller is (typeof SIGNED_IN)[number] {
  return (SIGNED_IN as readonly TCaller[]).includes(caller);
}

/** Server actions take only a session: API keys and share links get UNAUTHORIZED there. */
export function forOwnerAction(overrides: Partial<Record<TCaller, string>> = {}): Record<TCaller, string> {
  return byCaller("UNAUTHORIZED", { stranger: "NOT_FOUND", viewer: "FORBIDDEN", editor: "FORBIDDEN", owner: "ok", ...overrides });
}

export function forSignedIn(signedIn: string, others: string): Record<TCaller, string> {
  return byCaller(others, Object.fromEntries(SIGNED_IN.map((c) => [c, signedIn])));
}

/**
 * What a caller outside a run's readers gets: missing or dead credentials 401, everyone else the same
 * 404 as a run that does not exist (never a 403 that would confirm it does).
 */
export const RUN_OUTSIDERS = {
  anonymous: "401",
  shareOutOfScope: "404",
  shareRevoked: "401",
  shareExpired: "401",
  keyOtherProject: "404",
  keyRevoked: "401",
  stranger: "404",
} as const satisfies Partial<Record<TCaller, string>>;

/** Project-wide reads and writes: a share link, even one in scope, sees nothing of the project. */
export const PROJECT_OUTSIDERS = { ...RUN_OUTSIDERS, shareInScope: "404" } as const;
