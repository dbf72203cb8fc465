// npm run db:reset — deletes every table and row of the configured database and migrates it again.
// The next server start seeds the demo anew. PostgreSQL needs `-- --yes`: it may be shared.
import fs from "node:fs";

import { resolveDatabaseConfig } from "@/lib/db/config";
import { acquireDataDirLock } from "@/lib/db/lock";
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";

async function main() {
  const config = resolveDatabaseConfig();
  if (config.kind === "embedded") {
    const release = acquireDataDirLock(config.dataDir); // refuses while a server uses the folder
    fs.rmSync(config.pgDataDir, { recursive: true, force: true });
    fs.rmSync(`${config.dataDir}/demo-credentials.json`, { force: true });
    release();
  } else {
    if (!process.argv.includes("--yes")) {
      console.error(`This drops every unigap table in ${config.target}. Run again with: npm run db:reset -- --yes`);
      process.exit(2);
    }
    const db = await openDatabase({ config });
    await db.sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    await db.close();
  }
  const db = await openDatabase({ config });
  const { total } = await applyMigrations(db.sql);
  await db.close();
  console.log(`Reset ${config.kind === "embedded" ? config.pgDataDir : config.target}: empty, ${total} migrations applied.`);
}

main().catch((error) => {
  console.error(`db:reset failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
