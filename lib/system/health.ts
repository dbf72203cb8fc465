import "server-only";

import { getDb } from "@/lib/db/client";
import { countAppliedMigrations } from "@/lib/db/migrate";

export type THealth = { ok: true; database: "embedded" | "postgres"; migrations: number };

export async function getHealth(): Promise<THealth> {
  const db = await getDb();
  return { ok: true, database: db.kind, migrations: await countAppliedMigrations(db.sql) };
}
