// Prisma's schema engine as WebAssembly: the offline way to author migrations and to check that the
// committed migrations and prisma/schema.prisma agree (the Prisma CLI needs a native engine it
// cannot download here). Always works against a scratch in-memory PGlite; touches no real database.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

type TEngine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout?: string | null }>;
  applyMigrations(params: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diagnoseMigrationHistory(params: unknown): Promise<{ history: unknown; editedMigrationNames: string[]; failedMigrationNames: string[] }>;
};

const root = process.cwd();
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");
const filters = { externalTables: [], externalEnums: [] };

let wasmModule: Promise<any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any -- wasm-bindgen glue is untyped

function loadWasm() {
  wasmModule ??= instantiateWasm();
  return wasmModule;
}

async function instantiateWasm() {
  // The package does `import * as wasm from "./x.wasm"`, which Node 20 cannot; instantiate by hand.
  const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(bgUrl);
  const wasmFile = path.join(path.dirname(fileURLToPath(bgUrl)), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg;
}

export function schemaInput() {
  return { files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] };
}

export function migrationsList() {
  const dirs = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lock = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lock) ? fs.readFileSync(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const file = path.join(migrationsDir, d, "migration.sql");
      return {
        path: d,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file) ? { tag: "ok", value: fs.readFileSync(file, "utf8") } : { tag: "error", value: "missing" },
        },
      };
    }),
  };
}

/** Runs fn with a schema engine bound to a fresh in-memory PGlite (or the given one). */
export async function withSchemaEngine<T>(fn: (engine: TEngine) => Promise<T>, client?: PGlite): Promise<T> {
  const bg = await loadWasm();
  const pglite = client ?? (await PGlite.create("memory://"));
  const schema = schemaInput();
  const engine: TEngine = await bg.SchemaEngine.new(
    { datamodels: schema.files.map((f) => [f.path, f.content]) },
    (message: string) => process.env.DEBUG && console.error("[schema-engine]", message),
    bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite)),
  );
  try {
    return await fn(engine);
  } finally {
    if (!client) await pglite.close();
  }
}

/** SQL that takes the committed migrations to the current schema; "" when they agree. */
export async function diffMigrationsToSchema(): Promise<string> {
  return withSchemaEngine(async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList() },
      to: { tag: "schemaDatamodel", ...schemaInput() },
      script: true,
      exitCode: true,
      filters,
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  });
}

export { filters as schemaFilters };
