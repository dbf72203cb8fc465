// The export in a fresh process, as a server that just started would run it: spawned by
// scripts/bench/datasets.ts with the bench database's environment (DATABASE_URL, UNIGAP_DATA_DIR).
// Writes the dataset's .tar to the given file and prints one JSON line: time, bytes, the process's
// resident memory before the export (after loading the app) and its peak (maxRSS) over the whole run.
//   tsx --conditions=react-server scripts/bench/datasets-export-probe.ts <datasetId> <userId> <out.tar>
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { setDb } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { openDatabase } from "@/lib/db/open";
import { exportDataset } from "@/lib/datasets/export";

async function main() {
  const [datasetId, userId, out] = process.argv.slice(2);
  if (!datasetId || !userId || !out) throw new Error("usage: datasets-export-probe.ts <datasetId> <userId> <out.tar>");
  const db = await openDatabase({ config: resolveDatabaseConfig(process.env) });
  setDb(db);
  const loadedMb = process.memoryUsage().rss / 1024 / 1024;
  const started = performance.now();
  const { body } = await exportDataset({ kind: "user", userId }, datasetId, { gzip: false, acknowledgeRisk: true });
  await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream), fs.createWriteStream(out));
  const ms = performance.now() - started;
  await db.close();
  console.log(JSON.stringify({ ms, bytes: fs.statSync(out).size, loadedMb, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
