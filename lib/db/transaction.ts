import "server-only";

import { getDb } from "./client";
import type { TSql } from "./sql";

/** Runs a use case's writes atomically; repositories take the `tx` and use nothing else inside. */
export async function withTransaction<T>(fn: (tx: TSql) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.sql.transaction(fn);
}
