import "server-only";

import path from "node:path";

import { getDb } from "@/lib/db/client";

/** Blob files live beside the database's data folder, so each test database gets its own. */
export async function findBlobRoot(): Promise<string> {
  const { config } = await getDb();
  return path.join(config.dataDir, "blobs");
}

export type TBlobRow = { sha256: string; mediaType: string; byteSize: number; width: number; height: number };

export async function insertBlobRow(row: TBlobRow): Promise<boolean> {
  const { sql } = await getDb();
  const inserted = await sql.execute(
    `INSERT INTO blobs (sha256, media_type, byte_size, width, height) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING`,
    [row.sha256, row.mediaType, row.byteSize, row.width, row.height],
  );
  return inserted > 0;
}

/** Inserts blob rows in one statement (unnest); rows that exist already are left as they are. */
export async function insertBlobRows(rows: readonly TBlobRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { sql } = await getDb();
  return sql.execute(
    `INSERT INTO blobs (sha256, media_type, byte_size, width, height)
     SELECT * FROM unnest($1::char(64)[], $2::text[], $3::int[], $4::int[], $5::int[]) ON CONFLICT (sha256) DO NOTHING`,
    [rows.map((r) => r.sha256), rows.map((r) => r.mediaType), rows.map((r) => r.byteSize), rows.map((r) => r.width), rows.map((r) => r.height)],
  );
}

export async function findBlobRow(sha256: string): Promise<TBlobRow | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<{ sha256: string; media_type: string; byte_size: number; width: number; height: number }>(
    `SELECT sha256, media_type, byte_size, width, height FROM blobs WHERE sha256 = $1`,
    [sha256],
  );
  return row ? { sha256: row.sha256, mediaType: row.media_type, byteSize: row.byte_size, width: row.width, height: row.height } : null;
}

/** Which of these hashes are stored already (for batch "do I need to upload?" checks). */
export async function findExistingBlobHashes(hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const { sql } = await getDb();
  const rows = await sql.query<{ sha256: string }>(`SELECT sha256 FROM blobs WHERE sha256 = ANY($1::char(64)[])`, [hashes]);
  return new Set(rows.map((r) => r.sha256));
}
