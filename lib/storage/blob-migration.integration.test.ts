import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { migrateBlobsToS3 } from "./blob-migration";
import { LocalObjectStore } from "./local-object-store";
import { blobKey, findS3Store } from "./object-store";
import { setupTestS3 } from "./testing/s3-env";

setupTestS3("migrated/");

const png = (i: number) =>
  sharp({ create: { width: 4 + i, height: 4, channels: 3, background: `#${(i * 40).toString(16).padStart(2, "0")}2040` } })
    .png()
    .toBuffer();

describe("blobs:migrate --to s3", () => {
  it("copies the local folder with every hash verified, skips what is there on a second run, refuses a corrupt file", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-migrate-"));
    const local = new LocalObjectStore(dataDir);
    const images = await Promise.all([0, 1, 2, 3].map(png));
    const hashes = images.map((b) => createHash("sha256").update(b).digest("hex"));
    for (const [i, bytes] of images.entries()) await local.put(blobKey(hashes[i]!), bytes);
    const store = findS3Store()!;
    // An interrupted earlier run: one image is in the bucket already.
    await store.put(blobKey(hashes[0]!), images[0]!, { sha256: hashes[0]! });

    const first = await migrateBlobsToS3(dataDir, store);
    expect(first).toMatchObject({ files: 4, copied: 3, skipped: 1, corrupt: [] });
    for (const [i, sha] of hashes.entries()) expect((await store.get(blobKey(sha)))?.equals(images[i]!)).toBe(true);

    // A file whose bytes no longer hash to its name is reported and not copied.
    const bad = "a".repeat(64);
    await local.put(blobKey(bad), images[1]!);
    const second = await migrateBlobsToS3(dataDir, store);
    expect(second).toMatchObject({ files: 5, copied: 0, skipped: 4, corrupt: [bad] });
    expect(await store.head(blobKey(bad))).toBeNull();
  });
});
