// Opens one of the two databases behind one interface: Prisma for ordinary reads and writes, TSql
// for bulk paths and aggregates. Both share one connection pool (PostgreSQL) or one PGlite instance.
import "server-only";

import fs from "node:fs";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { resolveDatabaseConfig, type TDatabaseConfig } from "./config";
import { PrismaClient } from "./generated/client";
import { acquireDataDirLock } from "./lock";
import type { TSql } from "./sql";
import { createPgSql } from "./sql-pg";
import { createPgliteSql } from "./sql-pglite";

export type TDatabase = {
  kind: TDatabaseConfig["kind"];
  config: TDatabaseConfig;
  prisma: PrismaClient;
  sql: TSql;
  /** Driver handles for COPY; exactly one is set. */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

class DatabaseConnectionError extends Error {
  constructor(target: string, cause: unknown) {
    const reason = cause instanceof Error ? describeCause(cause) : String(cause);
    super(`Cannot connect to PostgreSQL at ${target}: ${reason}`, { cause });
    this.name = "DatabaseConnectionError";
  }
}

function describeCause(error: Error & { code?: string; errors?: Error[] }): string {
  // pg reports ECONNREFUSED on dual-stack hosts as an AggregateError with an empty message.
  const inner = error.errors?.[0];
  if (!error.message && inner) return `${inner.message}${error.code ? ` (${error.code})` : ""}`;
  return error.message || error.code || error.name;
}

// int8 (counts, bigint ids) and numeric stay strings on both drivers, as node-postgres returns them,
// so raw SQL results have one shape whichever database answered.
const PGLITE_PARSERS = { 20: (v: string) => v, 1700: (v: string) => v };

export type TOpenOptions = { config?: TDatabaseConfig; lock?: boolean; port?: number; memory?: boolean; loadDataDir?: Blob };

export async function openDatabase(options: TOpenOptions = {}): Promise<TDatabase> {
  const config = options.config ?? resolveDatabaseConfig();
  return config.kind === "embedded" ? openEmbedded(config, options) : openPostgres(config);
}

async function openEmbedded(config: Extract<TDatabaseConfig, { kind: "embedded" }>, options: TOpenOptions): Promise<TDatabase> {
  let release = () => {};
  if (!options.memory) {
    if (options.lock !== false) release = acquireDataDirLock(config.dataDir, { port: options.port });
    fs.mkdirSync(config.pgDataDir, { recursive: true });
  }
  try {
    const pglite = await PGlite.create(options.memory ? "memory://" : config.pgDataDir, {
      extensions: { pg_trgm },
      parsers: PGLITE_PARSERS,
      loadDataDir: options.loadDataDir,
    });
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      kind: "embedded",
      config,
      prisma,
      sql: createPgliteSql(pglite),
      pglite,
      async close() {
        await prisma.$disconnect();
        if (!pglite.closed) await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(config: Extract<TDatabaseConfig, { kind: "postgres" }>): Promise<TDatabase> {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: Number(process.env.UNIGAP_PG_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5000,
    application_name: "unigap",
  });
  pool.on("error", (error) => console.error(`[unigap] idle PostgreSQL connection failed: ${error.message}`));
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseConnectionError(config.target, error);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    config,
    prisma,
    sql: createPgSql(pool),
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
