import "server-only";

import { getDb } from "@/lib/db/client";
import { hashSecret, secretsEqual } from "@/lib/auth/tokens";
import { AppError, notFound } from "@/lib/errors";

import { readAdminToken } from "./first-start";

// Test support for the hostile-input corpus (issue 17): every table's exact row count, so a spec can
// show that a refused request changed nothing. Off unless the server was started with
// UNIGAP_TEST_ROW_COUNTS=1 (the e2e servers), and then only for the holder of <data dir>/admin-token.

export async function countRowsOfEveryTable(token: string | null): Promise<Record<string, number>> {
  const db = await getDb();
  const expected = readAdminToken(db.config.dataDir);
  if (!expected || !token || !secretsEqual(hashSecret(token), hashSecret(expected))) {
    throw new AppError("UNAUTHORIZED", "Send the contents of <data dir>/admin-token in the X-Unigap-Admin-Token header.");
  }
  if (process.env.UNIGAP_TEST_ROW_COUNTS !== "1") throw notFound("This route");
  const tables = await db.sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  if (tables.length === 0) return {};
  const counts = await db.sql.query<{ name: string; n: string }>(
    tables.map(({ name }) => `SELECT '${name.replace(/'/g, "''")}' AS name, count(*)::text AS n FROM "${name.replace(/"/g, '""')}"`).join(" UNION ALL "),
  );
  return Object.fromEntries(counts.map(({ name, n }) => [name, Number(n)]));
}
