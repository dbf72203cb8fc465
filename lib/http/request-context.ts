import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import { clientAddress } from "@/lib/auth/sign-in-limits";

// Where a request comes from (client address, user agent), for the per-address limit and for the
// audit log: route handlers and server actions run their work inside runWithOrigin, and a service
// deep below reads currentOrigin() instead of every signature carrying the request.

export type TRequestOrigin = { address: string | null; userAgent: string | null };

const NO_ORIGIN: TRequestOrigin = { address: null, userAgent: null };
const STORE_KEY = Symbol.for("unigap.requestOrigin");

// On globalThis: Next.js may load this module in several bundles, and they must share one store.
function store(): AsyncLocalStorage<TRequestOrigin> {
  const holder = globalThis as Record<symbol, AsyncLocalStorage<TRequestOrigin> | undefined>;
  return (holder[STORE_KEY] ??= new AsyncLocalStorage<TRequestOrigin>());
}

/** The client address: the last x-forwarded-for hop (see clientAddress for when it can be trusted). */
export function requestAddress(headers: Pick<Headers, "get">): string | null {
  return clientAddress(headers.get("x-forwarded-for"));
}

export function originOf(headers: Pick<Headers, "get">): TRequestOrigin {
  return { address: requestAddress(headers), userAgent: headers.get("user-agent")?.slice(0, 300) || null };
}

export function runWithOrigin<T>(origin: TRequestOrigin, fn: () => Promise<T>): Promise<T> {
  return store().run(origin, fn);
}

/** The origin of the request being served; both null outside one (scripts, tests, the seed). */
export function currentOrigin(): TRequestOrigin {
  return store().getStore() ?? NO_ORIGIN;
}
