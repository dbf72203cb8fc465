import "server-only";

import type { NextRequest } from "next/server";
import type { z } from "zod";

import { authenticateApiKey } from "@/lib/api-keys/service";
import type { TActor } from "@/lib/auth/actor";
import { getSessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { authenticateShareCookie, authenticateShareToken } from "@/lib/sharing/service";
import { looksLikeShareToken } from "@/lib/sharing/share-token";

import { takeAddressToken, takeApiKeyToken } from "./api-key-limit";
import { originOf, runWithOrigin } from "./request-context";
import { errorResponse } from "./errors";
import { findUnstorableText } from "./text-guard";

// Every route handler goes through apiRoute: it resolves the caller, parses params, query and body
// with zod, enforces the body limit and maps errors to `{ error: { code, message, details } }`.
// A handler cannot forget authentication: `auth` is required and "public" must be said out loud.

export type TAuthMode = "public" | "session" | "apiKey" | "any";

type TCtx<P, Q, B, A extends TAuthMode> = {
  req: NextRequest;
  actor: A extends "public" ? TActor | null : TActor;
  params: P;
  query: Q;
  body: B;
};

type TOptions<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends TAuthMode> = {
  auth: A;
  params?: P;
  query?: Q;
  body?: B;
  /** A faster parser that must accept and build exactly what `body` does (it may defer to it). */
  parseBody?: (raw: unknown) => z.infer<B>;
  /** Largest accepted body in bytes (default 4 MB: a field far over its own limit is still parsed, so the 422 can name it). */
  maxBodyBytes?: number;
  /** A batch array whose length over `max` is a 413 before validation, so clients learn to split. */
  batch?: { field: string; max: number };
};

const DEFAULT_MAX_BODY = 4 * 1024 * 1024;

export function apiRoute<
  A extends TAuthMode,
  P extends z.ZodType = z.ZodType<Record<string, never>>,
  Q extends z.ZodType = z.ZodType<Record<string, never>>,
  B extends z.ZodType = z.ZodType<undefined>,
>(options: TOptions<P, Q, B, A>, handler: (ctx: TCtx<z.infer<P>, z.infer<Q>, z.infer<B>, A>) => Promise<unknown>) {
  return async (req: NextRequest, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const origin = originOf(req.headers);
    try {
      takeAddressToken(origin.address);
      const actor = await resolveActor(req, options.auth);
      const rawParams = refuseUnstorableText(await context.params);
      // A query string that is not UTF-8 never gets here: scripts/http-guard.cjs refuses it as sent.
      const rawQuery = refuseUnstorableText(Object.fromEntries(req.nextUrl.searchParams));
      const params = options.params ? options.params.parse(rawParams) : {};
      const query = options.query ? options.query.parse(rawQuery) : {};
      const parseBody = options.parseBody ?? ((raw: unknown) => options.body!.parse(raw));
      const body = options.body ? parseBody(refuseUnstorableText(await readBatchBody(req, options))) : undefined;
      const result = await runWithOrigin(origin, () => handler({ req, actor, params, query, body } as TCtx<z.infer<P>, z.infer<Q>, z.infer<B>, A>));
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

// A share token authenticates like a key (`Bearer ugs_…`), or, in a browser that opened the link,
// through the link's http-only cookie when the request names the link in `x-unigap-share`. Share
// actors are read-only and scoped by the services (requireRunAccess), never by this wrapper.
async function resolveActor(req: NextRequest, mode: TAuthMode): Promise<TActor | null> {
  const header = req.headers.get("authorization");
  if (header && mode !== "session") {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError("UNAUTHORIZED", "The Authorization header must be `Bearer <API key or share token>`.");
    if (looksLikeShareToken(match[1])) {
      if (mode === "apiKey") throw new AppError("UNAUTHORIZED", "This endpoint needs a project API key, not a share link.");
      return authenticateShareToken(match[1]);
    }
    const actor = await authenticateApiKey(match[1]);
    takeApiKeyToken(actor.keyId);
    return actor;
  }
  if (mode === "apiKey") throw new AppError("UNAUTHORIZED", "This endpoint needs a project API key: `Authorization: Bearer <key>`.");
  const user = await getSessionUser();
  if (user) return { kind: "user", userId: user.id };
  // An <img> cannot send a header: it names the link as `?share=<linkId>` (not a secret; the cookie is).
  const sharedLink = mode === "session" ? null : (req.headers.get("x-unigap-share") ?? req.nextUrl.searchParams.get("share"));
  const shared = sharedLink ? await authenticateShareCookie(sharedLink, (name) => req.cookies.get(name)?.value) : null;
  if (shared) return shared;
  if (mode === "public") return null;
  throw new AppError("UNAUTHORIZED", "Sign in or send a project API key.");
}

async function readBatchBody(req: Request, options: { maxBodyBytes?: number; batch?: { field: string; max: number } }): Promise<unknown> {
  const raw = await readJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY);
  const items = options.batch && typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)[options.batch.field] : undefined;
  if (options.batch && Array.isArray(items) && items.length > options.batch.max) {
    const { field, max } = options.batch;
    throw new AppError("PAYLOAD_TOO_LARGE", `A batch holds at most ${max} ${field}; this one has ${items.length}. Split it.`, {
      field,
      max,
      count: items.length,
    });
  }
  return raw;
}

/** JSON bodies only: no header is read as JSON (curl, scripts); any other declared type is a 415. */
function requireJsonContentType(req: Request): void {
  const type = req.headers.get("content-type");
  if (!type) return;
  const mediaType = type.split(";")[0]!.trim().toLowerCase();
  if (mediaType === "application/json" || /^application\/[\w.+-]+\+json$/.test(mediaType)) return;
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", `The request body must be JSON (Content-Type: application/json), not ${mediaType}.`, { field: "content-type" });
}

/** Reads a JSON body without ever buffering more than `limit` bytes. */
async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  requireJsonContentType(req);
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const text = await readTextBody(req, limit);
  if (text.length === 0) throw new AppError("INVALID_INPUT", "The request body is empty; send JSON.");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

async function readTextBody(req: Request, limit: number): Promise<string> {
  const bytes = await readBodyBytes(req, limit);
  try {
    // fatal: invalid UTF-8 is refused, not replaced by U+FFFD (the stored text would differ from what was sent).
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid UTF-8.");
  }
}

/** Refuses, with a 422 naming the field, input that PostgreSQL could not store exactly (text-guard.ts). */
function refuseUnstorableText<T>(value: T): T {
  const problem = findUnstorableText(value);
  if (problem) throw new AppError("INVALID_INPUT", `Invalid input at ${problem.path || "(root)"}: ${problem.message}.`, [problem]);
  return value;
}

export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      // The connection closed mid-body: the client stopped, or the request deadline (scripts/http-guard.cjs) passed.
      throw new AppError("INVALID_INPUT", "The request body was cut off before it was complete; nothing was stored. Send it again.");
    });
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(limit / 1024)} KB.`, { limitBytes: limit });
}
