import { describe, expect, it } from "vitest";

import { describePostgresTarget, resolveDatabaseConfig } from "./config";

describe("database configuration", () => {
  it("uses the embedded database in .unigap when nothing is set", () => {
    expect(resolveDatabaseConfig({}, "/srv/app")).toEqual({ kind: "embedded", dataDir: "/srv/app/.unigap", pgDataDir: "/srv/app/.unigap/pgdata" });
  });

  it("honours UNIGAP_DATA_DIR, relative or absolute", () => {
    expect(resolveDatabaseConfig({ UNIGAP_DATA_DIR: "data" }, "/srv/app").dataDir).toBe("/srv/app/data");
    expect(resolveDatabaseConfig({ UNIGAP_DATA_DIR: "/var/lib/unigap" }, "/srv/app").dataDir).toBe("/var/lib/unigap");
  });

  it("uses PostgreSQL when DATABASE_URL is set, and never shows its password", () => {
    const config = resolveDatabaseConfig({ DATABASE_URL: "postgres://u:secret@db.example:6543/unigap" }, "/srv/app");
    expect(config).toMatchObject({ kind: "postgres", target: "db.example:6543/unigap" });
    expect(JSON.stringify(config.kind === "postgres" && config.target)).not.toContain("secret");
  });

  it("treats a blank DATABASE_URL as unset", () => {
    expect(resolveDatabaseConfig({ DATABASE_URL: "  " }, "/x").kind).toBe("embedded");
  });

  it("describes odd URLs without throwing", () => {
    expect(describePostgresTarget("postgres://127.0.0.1/db")).toBe("127.0.0.1:5432/db");
    expect(describePostgresTarget("not a url")).toBe("(unparseable DATABASE_URL)");
  });
});
