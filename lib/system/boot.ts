import "server-only";

import { startAlertTimers } from "@/lib/alerts/timers";
import { setDb } from "@/lib/db/client";
import { startListening, stopListening } from "@/lib/db/notify";
import { startDatabase } from "@/lib/db/start";

import { runFirstStartHooks } from "./first-start";
import { installSeeders, type TLoadSeeders } from "./seeders";

/**
 * The server's start-up, in order: open and migrate the database (lib/db), then what a fresh
 * instance needs (session secret, admin token, and — with seeders handed in by the entry point —
 * the demo on an empty database; on PostgreSQL under an advisory lock, so N servers do it once),
 * then the connection that hears the other servers' signals (lib/db/notify.ts), then the alert timers (stall check, webhook worker). Any failure stops the process with one readable line.
 */
export async function bootServer(options: { loadSeeders?: TLoadSeeders } = {}): Promise<void> {
  try {
    installSeeders(options.loadSeeders);
    const db = await startDatabase();
    try {
      await runFirstStartHooks(db, options.loadSeeders);
    } catch (error) {
      setDb(undefined);
      await db.close().catch(() => undefined);
      throw error;
    }
    const where = db.config.kind === "embedded" ? `embedded PostgreSQL (PGlite) in ${db.config.pgDataDir}` : `PostgreSQL at ${db.config.target}`;
    console.log(`[unigap] database: ${where}`);
    await startListening(db);
    startAlertTimers();
    const close = (signal: NodeJS.Signals) => {
      stopListening()
        .then(() => db.close())
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    };
    process.once("SIGTERM", close);
    process.once("SIGINT", close);
  } catch (error) {
    console.error(`[unigap] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
