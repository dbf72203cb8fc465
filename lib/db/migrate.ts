// Applies the committed SQL migrations in prisma/migrations at start, on both databases, and records
// them in `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, same sha256
// checksum of migration.sql), so a user with internet access can keep using the Prisma CLI.
// Each migration runs in its own transaction under Prisma's advisory lock key, so two servers
// starting against one PostgreSQL never apply a migration twice.
import "server-only";

import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import type { TSql } from "./sql";

const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export type TMigrationFile = { name: string; sql: string; checksum: string };
export type TMigrationResult = { applied: string[]; total: number };

export function defaultMigrationsDir(cwd = process.cwd()): string {
  return path.join(cwd, "prisma", "migrations");
}

export function readMigrations(dir: string): TMigrationFile[] {
  if (!fs.existsSync(dir)) throw new Error(`No migrations folder at ${dir}: start unigap from its project folder.`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

type TAppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

async function listApplied(sql: TSql): Promise<TAppliedRow[]> {
  return sql.query<TAppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
}

/** Number of migrations recorded as finished; 0 when the table does not exist yet. */
export async function countAppliedMigrations(sql: TSql): Promise<number> {
  const [row] = await sql.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
  if (!row?.exists) return 0;
  const [count] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return count?.n ?? 0;
}

export async function applyMigrations(sql: TSql, dir = defaultMigrationsDir()): Promise<TMigrationResult> {
  const files = readMigrations(dir);
  // Under the lock too: two servers creating the table at the same instant on an empty database
  // collide in PostgreSQL's catalog (pg_type_typname_nsp_index) even with IF NOT EXISTS.
  await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
    await tx.exec(CREATE_MIGRATIONS_TABLE);
  });

  const known = new Set(files.map((f) => f.name));
  const unknown = (await listApplied(sql)).filter((row) => row.finished_at && !row.rolled_back_at && !known.has(row.migration_name));
  if (unknown.length > 0) {
    throw new Error(
      `The database has migrations this version of unigap does not know (${unknown.map((r) => r.migration_name).join(", ")}): ` +
        `it was migrated by a newer version. Update unigap or use another database.`,
    );
  }

  const applied: string[] = [];
  for (const file of files) {
    const didApply = await sql.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
      const rows = await tx.query<TAppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
         WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [file.name],
      );
      if (rows.length > 0) return false;
      const id = randomUUID();
      await tx.execute(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, file.checksum, file.name],
      );
      try {
        await tx.exec(file.sql);
      } catch (error) {
        throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
      }
      await tx.execute(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
      return true;
    });
    if (didApply) applied.push(file.name);
  }
  return { applied, total: files.length };
}
