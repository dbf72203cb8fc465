// Gives a test file its own freshly migrated database — embedded or PostgreSQL, per the vitest
// project — and installs it as the process database so services and repositories use it.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";

import { setDb } from "../client";
import { resolveDatabaseConfig } from "../config";
import { openDatabase, type TDatabase } from "../open";
import { adminUrl, databaseUrl, testDbKind } from "./test-env";

export type TTestDb = { readonly current: TDatabase; readonly kind: "embedded" | "postgres" };

export function setupTestDatabase(): TTestDb {
  const kind = testDbKind();
  const handle: { current?: TDatabase } = {};
  let cleanup: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const template = inject("unigapTemplate");
    // A private data folder per test file: blob files and other on-disk state never collide.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-test-data-"));
    if (kind === "embedded") {
      const dump = new Blob([fs.readFileSync(template)]);
      handle.current = await openDatabase({ memory: true, loadDataDir: dump, config: resolveDatabaseConfig({ UNIGAP_DATA_DIR: dataDir }) });
    } else {
      const name = `unigap_t_${template.slice("unigap_tpl_".length)}_${randomBytes(5).toString("hex")}`;
      const admin = new pg.Client({ connectionString: adminUrl() });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      await admin.end();
      const url = databaseUrl(name);
      handle.current = await openDatabase({ config: resolveDatabaseConfig({ DATABASE_URL: url, UNIGAP_DATA_DIR: dataDir }) });
      cleanup = async () => {
        const drop = new pg.Client({ connectionString: adminUrl() });
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await drop.end();
      };
    }
    setDb(handle.current);
  }, 60_000);

  afterAll(async () => {
    setDb(undefined);
    await handle.current?.close();
    await cleanup();
  });

  return {
    kind,
    get current() {
      if (!handle.current) throw new Error("The test database is opened in beforeAll; use it inside tests.");
      return handle.current;
    },
  };
}
