import "server-only";

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { sniffImageType } from "./image-type";
import { blobKey } from "./object-store";
import type { S3ObjectStore } from "./s3-object-store";

// `npm run blobs:migrate -- --to s3`: copies <data dir>/blobs to the bucket under the same keys.
// Every file is hashed and must hash to its name (a file that does not is counted as corrupt and not
// copied); each PutObject carries Content-MD5, so the bucket refuses bytes that arrive altered, and
// the verified sha256 as metadata. Resumable: an object already in the bucket with that size and
// sha256 is skipped without being read back. Thumbnails are not copied: they are remade on demand.

const SHA256 = /^[0-9a-f]{64}$/;

export type TMigrationCounts = { files: number; copied: number; skipped: number; corrupt: string[]; bytesCopied: number };

function* blobFiles(root: string): Generator<string> {
  if (!fs.existsSync(root)) return;
  for (const entry of fs.readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && SHA256.test(entry.name)) yield path.join(entry.parentPath, entry.name);
  }
}

export async function migrateBlobsToS3(dataDir: string, store: S3ObjectStore, onFile?: (counts: TMigrationCounts) => void): Promise<TMigrationCounts> {
  const counts: TMigrationCounts = { files: 0, copied: 0, skipped: 0, corrupt: [], bytesCopied: 0 };
  for (const file of blobFiles(path.join(dataDir, "blobs"))) {
    counts.files += 1;
    const name = path.basename(file);
    const bytes = await fs.promises.readFile(file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (sha256 !== name) {
      counts.corrupt.push(name);
    } else {
      const head = await store.head(blobKey(sha256));
      if (head && head.size === bytes.length && head.sha256 === sha256) {
        counts.skipped += 1;
      } else {
        const contentMd5 = createHash("md5").update(bytes).digest("base64");
        await store.put(blobKey(sha256), bytes, { contentType: sniffImageType(bytes) ?? "application/octet-stream", sha256, contentMd5 });
        const after = await store.head(blobKey(sha256));
        if (!after || after.size !== bytes.length || after.sha256 !== sha256)
          throw new Error(`The bucket does not hold ${sha256} as written (size ${after?.size}).`);
        counts.copied += 1;
        counts.bytesCopied += bytes.length;
      }
    }
    onFile?.(counts);
  }
  return counts;
}
