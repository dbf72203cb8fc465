import "server-only";

import type { TDatabase } from "./open";

// One database per process, kept on globalThis: Next.js may load this module in several bundles
// (instrumentation, route handlers, pages), and two PGlite instances on one folder would corrupt it.
// The server installs it at start (lib/system/boot.ts); tests and scripts install their own.
type TState = { db?: TDatabase; ready?: Promise<TDatabase> };
const STATE_KEY = Symbol.for("unigap.database");
const state = ((globalThis as Record<symbol, TState>)[STATE_KEY] ??= {});

/** The process's database; waits while it is still starting. */
export async function getDb(): Promise<TDatabase> {
  if (state.db) return state.db;
  if (state.ready) return state.ready;
  throw new Error("The database has not been started in this process (the server starts it in instrumentation.ts).");
}

/** Installs an open database (server start, tests, scripts); undefined forgets it. */
export function setDb(db: TDatabase | undefined): void {
  state.db = db;
  state.ready = db ? Promise.resolve(db) : undefined;
}

/** Lets callers wait for a database that is still opening or migrating. */
export function setDbStarting(ready: Promise<TDatabase>): void {
  state.ready = ready;
}
