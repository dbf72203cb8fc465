// The physical limit the API is compared with: a raw COPY of the same metric rows into the same
// database (PostgreSQL: COPY FROM STDIN over pg-copy-streams; embedded: COPY FROM '/dev/blob').
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const COPY_SQL = "COPY metric_points (run_id, key, step, value, wall_time) FROM STDIN";

/** The rows as COPY text, in chunks (one string of 1M rows would be ~70 MB in one piece). */
export function copyText(runId: string, rows: readonly { key: string; step: number; value: number }[], wallTime: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += 50_000) {
    chunks.push(
      rows
        .slice(i, i + 50_000)
        .map((r) => `${runId}\t${r.key}\t${r.step}\t${r.value}\t${wallTime}\n`)
        .join(""),
    );
  }
  return chunks;
}

export async function copyIntoPostgres(databaseUrl: string, chunks: readonly string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  await pipeline(Readable.from(chunks), client.query(copyFrom(COPY_SQL)));
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

export async function copyIntoPglite(pgDataDir: string, chunks: readonly string[]): Promise<number> {
  const db = await PGlite.create(pgDataDir, { extensions: { pg_trgm } });
  const blob = new Blob(chunks as string[]);
  const started = performance.now();
  await db.query(COPY_SQL.replace("STDIN", "'/dev/blob'"), [], { blob });
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  return seconds;
}
