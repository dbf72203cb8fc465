import fs from "node:fs";

import { INGEST_LIMITS } from "../lib/api/contracts/common";
import { sha256Hex, type TUnigapClient } from "../lib/api-client/client";

import type { TProgressBar } from "./progress";

// Images go up content-addressed: hash every file (reading one at a time, so memory stays flat),
// ask the server which hashes it lacks, upload only those, a few at a time. When the server keeps
// images in object storage, its answer holds a presigned PUT per missing image: the bytes go
// straight to the bucket and the server only verifies them (confirm), as with the Python client.
// The check is made per chunk just before its uploads, so no presigned URL waits long enough to expire.

const PARALLEL_UPLOADS = 4;

export function hashFile(file: string): string {
  return sha256Hex(fs.readFileSync(file));
}

/** Uploads the files the server lacks (straight to the bucket when the server offers it); returns how many it stored now. */
export async function uploadImages(client: TUnigapClient, files: ReadonlyMap<string, string>, progress: TProgressBar): Promise<number> {
  progress.start(files.size, "images ");
  let created = 0;
  const hashes = [...files.keys()];
  for (let i = 0; i < hashes.length; i += INGEST_LIMITS.blobCheck) {
    const part = hashes.slice(i, i + INGEST_LIMITS.blobCheck);
    const { missing, uploads } = await client.checkBlobs(part);
    progress.advance(part.length - missing.length);
    const queue = uploads ? uploads.map((upload) => ({ sha: upload.sha256, upload })) : missing.map((sha) => ({ sha, upload: null }));
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const bytes = fs.readFileSync(files.get(next.sha)!);
        if (next.upload ? await client.directUpload(next.upload, bytes) : await client.uploadBlob(bytes, next.sha)) created++;
        progress.advance(1);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_UPLOADS }, worker));
  }
  progress.stop();
  return created;
}
