import "server-only";

import { setDb, setDbStarting } from "./client";
import { applyMigrations } from "./migrate";
import { openDatabase, type TDatabase } from "./open";

/**
 * Opens the configured database, applies pending migrations and installs it as the process
 * database. Nothing else: what a fresh instance needs besides (a session secret, the demo) is the
 * boot sequence's business (lib/system/boot.ts). Throws with a message naming the database and the
 * cause; callers decide to exit.
 */
export async function startDatabase(): Promise<TDatabase> {
  const starting = (async () => {
    const port = process.env.PORT ? Number(process.env.PORT) : undefined;
    const db = await openDatabase({ port });
    try {
      const { applied, total } = await applyMigrations(db.sql);
      if (applied.length > 0) console.log(`[unigap] applied ${applied.length} of ${total} migrations`);
      setDb(db);
      return db;
    } catch (error) {
      setDb(undefined);
      await db.close().catch(() => undefined);
      throw error;
    }
  })();
  setDbStarting(starting);
  return starting;
}
