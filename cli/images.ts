import fs from "node:fs";

import { sha256Hex, type TUnigapClient } from "../lib/api-client/client";

import type { TProgressBar } from "./progress";

// Images go up content-addressed: hash every file (reading one at a time, so memory stays flat),
// ask the server which hashes it lacks, upload only those, a few at a time.

const PARALLEL_UPLOADS = 4;

export function hashFile(file: string): string {
  return sha256Hex(fs.readFileSync(file));
}

/** Uploads the files the server lacks; returns how many it stored now. */
export async function uploadImages(client: TUnigapClient, files: ReadonlyMap<string, string>, progress: TProgressBar): Promise<number> {
  const missing = new Set(await client.missingBlobs([...files.keys()]));
  const queue = [...files].filter(([sha]) => missing.has(sha));
  progress.start(files.size, "images ");
  progress.advance(files.size - queue.length);
  let created = 0;
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [sha, file] = next;
      if (await client.uploadBlob(fs.readFileSync(file), sha)) created++;
      progress.advance(1);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_UPLOADS }, worker));
  progress.stop();
  return created;
}
