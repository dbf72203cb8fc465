import "server-only";

import { startDatabase } from "@/lib/db/start";

export async function bootServer(): Promise<void> {
  try {
    const db = await startDatabase();
    const where = db.config.kind === "embedded" ? `embedded PostgreSQL (PGlite) in ${db.config.pgDataDir}` : `PostgreSQL at ${db.config.target}`;
    console.log(`[unigap] database: ${where}`);
    const close = (signal: NodeJS.Signals) => {
      db.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    };
    process.once("SIGTERM", close);
    process.once("SIGINT", close);
  } catch (error) {
    console.error(`[unigap] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
