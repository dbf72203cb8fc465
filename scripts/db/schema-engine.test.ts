import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { describe, expect, it } from "vitest";

import { applyMigrations } from "../../lib/db/migrate";
import { createPgliteSql } from "../../lib/db/sql-pglite";
import { diffMigrationsToSchema, migrationsList, schemaFilters, withSchemaEngine } from "./schema-engine";

describe("Prisma schema engine (WebAssembly)", () => {
  it("finds no drift between prisma/schema.prisma and the committed migrations", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  }, 60_000);

  it("agrees that a database migrated by unigap has nothing pending (prisma migrate deploy compatibility)", async () => {
    const db = await PGlite.create("memory://", { extensions: { pg_trgm } });
    await applyMigrations(createPgliteSql(db));
    const diagnosis = await withSchemaEngine(
      (engine) => engine.diagnoseMigrationHistory({ migrationsList: migrationsList(), optInToShadowDatabase: false, filters: schemaFilters }),
      db,
    );
    expect(diagnosis.history).toBeNull();
    expect(diagnosis.editedMigrationNames).toEqual([]);
    expect(diagnosis.failedMigrationNames).toEqual([]);

    // The check has teeth: a wrong checksum is reported as an edited migration.
    await db.exec(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64)`);
    const tampered = await withSchemaEngine(
      (engine) => engine.diagnoseMigrationHistory({ migrationsList: migrationsList(), optInToShadowDatabase: false, filters: schemaFilters }),
      db,
    );
    expect(tampered.editedMigrationNames.length).toBeGreaterThan(0);
    await db.close();
  }, 60_000);
});
