import { describe, expect, it } from "vitest";

import { applyMigrations, countAppliedMigrations, defaultMigrationsDir, readMigrations } from "./migrate";
import { setupTestDatabase } from "./testing/setup-test-database";

const db = setupTestDatabase();

describe("migrations", () => {
  it("records every committed migration the way prisma migrate deploy does", async () => {
    const files = readMigrations(defaultMigrationsDir());
    const rows = await db.current.sql.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.applied_steps_count === 1 && r.finished_at instanceof Date)).toBe(true);
    expect(await countAppliedMigrations(db.current.sql)).toBe(files.length);
  });

  it("is idempotent: a second start applies nothing", async () => {
    const result = await applyMigrations(db.current.sql);
    expect(result.applied).toEqual([]);
    expect(result.total).toBe(readMigrations(defaultMigrationsDir()).length);
  });

  it("refuses a database migrated by a newer version", async () => {
    await db.current.sql.execute(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x-newer', 'abc', '29991231000000_future', now(), 1)`,
    );
    await expect(applyMigrations(db.current.sql)).rejects.toThrow(/newer version/);
    await db.current.sql.execute(`DELETE FROM "_prisma_migrations" WHERE id = 'x-newer'`);
  });

  it("stores NaN and infinities in float8 columns on both drivers", async () => {
    const [row] = await db.current.sql.query<{ v: number[]; n: string }>(`SELECT $1::float8[] AS v, 12345678901::int8 AS n`, [[1.5, NaN, Infinity, -Infinity]]);
    expect(row?.v).toEqual([1.5, NaN, Infinity, -Infinity]);
    expect(row?.n).toBe("12345678901");
  });
});
