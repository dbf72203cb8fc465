// npm run db:migrate — applies pending migrations to the configured database (embedded unless
// DATABASE_URL is set). The server does this by itself at start; this is for operators and CI.
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";

async function main() {
  const db = await openDatabase();
  try {
    const { applied, total } = await applyMigrations(db.sql);
    const where = db.config.kind === "embedded" ? db.config.pgDataDir : db.config.target;
    console.log(applied.length ? `Applied ${applied.join(", ")} to ${where}.` : `${where} is up to date (${total} migrations).`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
