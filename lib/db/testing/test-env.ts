// Which database an integration test run targets, and where PostgreSQL lives.

export type TTestDbKind = "embedded" | "postgres";

export function testDbKind(): TTestDbKind {
  const kind = process.env.UNIGAP_TEST_DB;
  if (kind !== "embedded" && kind !== "postgres") throw new Error("UNIGAP_TEST_DB must be embedded or postgres (set by vitest.config.ts).");
  return kind;
}

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

/** The admin URL pointed at another database on the same server. */
export function databaseUrl(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
