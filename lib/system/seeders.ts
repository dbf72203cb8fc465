import "server-only";

import type { TDatabase } from "@/lib/db/open";

/**
 * What the seed side (prisma/seed/seeders.ts) offers the server. The server does not know the
 * simulator: the entry point (instrumentation.ts) hands a loader of these to the boot sequence, which
 * keeps it for the process, so first start and `npm run seed` on a running server can use it.
 */
export type TSeeders = {
  /** An empty database's first start: the demo account and project; writes the demo credentials file. Returns the lines to log. */
  seedFirstStartDemo(db: TDatabase): Promise<string[]>;
  /** The scenarios `npm run seed -- <name>` knows. */
  scenarioNames: readonly string[];
  seedScenario(db: TDatabase, name: string, log: (line: string) => void): Promise<TSeedResult>;
};

export type TSeedResult = { projectSlug: string; summary: string; seconds: number };

export type TLoadSeeders = () => Promise<TSeeders>;

// Kept on globalThis: instrumentation and route handlers are separate bundles of one process.
const STATE_KEY = Symbol.for("unigap.seeders");
const state = ((globalThis as Record<symbol, { load?: TLoadSeeders }>)[STATE_KEY] ??= {});

export function installSeeders(load: TLoadSeeders | undefined): void {
  state.load = load;
}

/** The seeders the server was started with; null when it was started without any. */
export async function loadSeeders(): Promise<TSeeders | null> {
  return state.load ? state.load() : null;
}
