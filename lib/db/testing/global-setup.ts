// Vitest global setup for the integration projects: builds one migrated template per run, which
// every test file clones (PGlite: a data-dir dump loaded into memory; PostgreSQL: CREATE DATABASE …
// TEMPLATE). Migrating once instead of per file saves ~5 s per file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import type { TestProject } from "vitest/node";

import { applyMigrations } from "../migrate";
import { createPgliteSql } from "../sql-pglite";
import { createPgSql } from "../sql-pg";
import { adminUrl, databaseUrl } from "./test-env";

export default async function setup(project: TestProject) {
  // Global setup runs in the main process, outside the project's `env`: read the kind off its name.
  const kind = project.name.endsWith("postgres") ? "postgres" : "embedded";
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  if (kind === "embedded") {
    const db = await PGlite.create("memory://", { extensions: { pg_trgm } });
    await applyMigrations(createPgliteSql(db));
    const dump = await db.dumpDataDir("none");
    await db.close();
    const file = path.join(os.tmpdir(), `unigap-test-template-${runId}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("unigapTemplate", file);
    return () => fs.rmSync(file, { force: true });
  }

  const admin = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL at ${adminUrl()} (set TEST_DATABASE_URL to change it): ${(error as Error).message}. ` +
        `Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start — or set UNIGAP_TEST_SKIP_PG=1 to skip this half on purpose.`,
    );
  }
  const template = `unigap_tpl_${runId}`;
  await admin.query(`CREATE DATABASE "${template}"`);
  const pool = new pg.Pool({ connectionString: databaseUrl(template), max: 1 });
  await applyMigrations(createPgSql(pool));
  await pool.end();
  project.provide("unigapTemplate", template);
  return async () => {
    const leftovers = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`unigap_t_${runId}%`]);
    for (const { datname } of leftovers.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  };
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    unigapTemplate: string;
  }
}
