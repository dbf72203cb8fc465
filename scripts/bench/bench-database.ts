// A scratch database for an in-process benchmark: a temporary embedded folder, or a PostgreSQL
// database created for the run and dropped after it (kept and reused under `keep`, to skip seeding).
import fs from "node:fs";
import path from "node:path";

import pg from "pg";

import { resolveDatabaseConfig } from "@/lib/db/config";
import { openDatabase, type TDatabase } from "@/lib/db/open";

export type TBenchTarget = "postgres" | "embedded";

const ADMIN_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * Runs `fn` on the scratch database. On PostgreSQL it also gets the environment (DATABASE_URL,
 * UNIGAP_DATA_DIR) that opens the same database and data folder from another process; embedded,
 * null (one process owns the folder).
 */
export async function withBenchDatabase<T>(
  target: TBenchTarget,
  name: string,
  keep: boolean,
  fn: (db: TDatabase, env: Record<string, string> | null) => Promise<T>,
): Promise<T> {
  if (target === "embedded") {
    fs.mkdirSync(path.resolve(".bench"), { recursive: true });
    const dataDir = fs.mkdtempSync(path.join(path.resolve(".bench"), `${name}-`));
    const db = await openDatabase({ config: resolveDatabaseConfig({ UNIGAP_DATA_DIR: dataDir }) });
    try {
      return await fn(db, null);
    } finally {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const dbName = keep ? `unigap_bench_${name}_kept` : `unigap_bench_${name}_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [dbName])).rowCount ?? 0;
  if (!exists) await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  try {
    const env = { DATABASE_URL: url.toString(), UNIGAP_DATA_DIR: path.resolve(".bench") };
    const db = await openDatabase({ config: resolveDatabaseConfig(env) });
    try {
      return await fn(db, env);
    } finally {
      await db.close();
    }
  } finally {
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}
