// Where unigap keeps its data. No DATABASE_URL: an embedded PostgreSQL (PGlite) under the data
// folder. With DATABASE_URL: that server. The data folder exists in both modes: it also holds
// image blobs and the files the first start writes (demo credentials, admin token).
import path from "node:path";

export type TDatabaseConfig = { kind: "embedded"; dataDir: string; pgDataDir: string } | { kind: "postgres"; dataDir: string; url: string; target: string };

/** Resolves the database mode from the environment; pure so scripts, tests and the app agree. */
export function resolveDatabaseConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): TDatabaseConfig {
  const dataDir = path.resolve(cwd, env.UNIGAP_DATA_DIR || ".unigap");
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: "embedded", dataDir, pgDataDir: path.join(dataDir, "pgdata") };
  return { kind: "postgres", dataDir, url, target: describePostgresTarget(url) };
}

/** "host:port/database" for messages, never the password. */
export function describePostgresTarget(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname || u.searchParams.get("host") || "localhost";
    return `${host}:${u.port || "5432"}${u.pathname || "/"}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
