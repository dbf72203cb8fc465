import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";

import { openBlob, readBlob, storeBlob } from "./blob-store";
import { confirmDirectUpload, presignDirectUploads } from "./direct-upload";
import { blobKey, getObjectStore, thumbnailKey } from "./object-store";
import { expectRangedImageResponses } from "./testing/ranged-reads";
import { setupTestS3 } from "./testing/s3-env";
import { hasBlobFile, readThumbnail } from "./thumbnail";

const db = setupTestDatabase();
const s3 = setupTestS3("lab-a/");

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const png = (width: number, height: number, color: string) =>
  sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();

async function rowCount(sha256: string): Promise<number> {
  const [row] = await db.current.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1`, [sha256]);
  return row!.n;
}

/** The objects s3rver holds under the bucket (its files on disk, minus its metadata side files). */
function bucketObjects(): string[] {
  const root = path.join(s3.current.directory, s3.current.bucket);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith("._S3rver_object")).map((f) => f.replace(/\._S3rver_object$/, ""));
}

async function directUpload(bytes: Uint8Array, hash = sha(bytes)) {
  const [upload] = (await presignDirectUploads([hash]))!;
  const put = await fetch(upload!.url, { method: "PUT", body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  return upload!;
}

describe("S3 blob store (s3rver)", () => {
  it("stores through the app in the bucket under the prefix, never in the data folder", async () => {
    const bytes = await png(40, 20, "#112233");
    const stored = await storeBlob(bytes, sha(bytes));
    expect(stored).toMatchObject({ sha256: sha(bytes), mediaType: "image/png", width: 40, height: 20, isNew: true });
    expect((await storeBlob(bytes)).isNew).toBe(false);
    expect(bucketObjects()).toContain(`lab-a/${blobKey(sha(bytes))}`);
    expect(fs.existsSync(path.join(db.current.config.dataDir, "blobs"))).toBe(false);
    expect((await readBlob(sha(bytes)))?.bytes.equals(bytes)).toBe(true);
    expect(await hasBlobFile(sha(bytes))).toBe(true);
    expect((await (await getObjectStore()).head(blobKey(sha(bytes))))?.sha256).toBe(sha(bytes));
  });

  it("reads streamed and by byte range", async () => {
    const bytes = await png(64, 64, "#445566");
    await storeBlob(bytes);
    const opened = await openBlob(sha(bytes));
    expect(opened?.object.size).toBe(bytes.length);
    expect(Buffer.from(await new Response(opened!.object.body).arrayBuffer()).equals(bytes)).toBe(true);
    const part = await (await getObjectStore()).read(blobKey(sha(bytes)), { start: 8, end: 23 });
    expect(part?.size).toBe(16);
    expect(Buffer.from(await new Response(part!.body).arrayBuffer()).equals(bytes.subarray(8, 24))).toBe(true);
    expect(await (await getObjectStore()).read(blobKey("f".repeat(64)))).toBeNull();
  });

  it("answers Range on the image route from a ranged GetObject: 206 with Content-Range, 416 past the end", async () => {
    const bytes = await png(80, 40, "#123456");
    await storeBlob(bytes);
    await expectRangedImageResponses(sha(bytes), bytes);
  });

  it("makes a thumbnail once and caches it in the bucket under thumbs/", async () => {
    const bytes = await png(600, 300, "#778899");
    await storeBlob(bytes);
    const thumb = await readThumbnail(sha(bytes), 128);
    expect((await sharp(thumb!).metadata()).width).toBe(128);
    expect(bucketObjects()).toContain(`lab-a/${thumbnailKey(sha(bytes), 128)}`);
    expect((await readThumbnail(sha(bytes), 128))?.equals(thumb!)).toBe(true);
    expect(await readThumbnail("e".repeat(64), 128)).toBeNull();
  });

  it("direct upload: presigned PUT to a staging key, confirm verifies, copies to blobs/ and writes the row", async () => {
    const bytes = await png(30, 10, "#abcdef");
    const upload = await directUpload(bytes);
    expect(upload.url).toContain("uploads");
    expect(await rowCount(sha(bytes))).toBe(0);
    const confirmed = await confirmDirectUpload(sha(bytes), upload.uploadId, bytes.length);
    expect(confirmed).toMatchObject({ sha256: sha(bytes), width: 30, height: 10, created: true });
    expect(await rowCount(sha(bytes))).toBe(1);
    expect((await readBlob(sha(bytes)))?.bytes.equals(bytes)).toBe(true);
    expect(bucketObjects().filter((k) => k.includes("uploads/"))).toEqual([]);
    // The same image again: recorded once, the second staged object dropped.
    const again = await directUpload(bytes);
    expect((await confirmDirectUpload(sha(bytes), again.uploadId, bytes.length)).created).toBe(false);
    expect(bucketObjects().filter((k) => k.includes("uploads/"))).toEqual([]);
    // Confirming what was never uploaded is a conflict, not a row.
    const [unused] = (await presignDirectUploads(["d".repeat(64)]))!;
    await expect(confirmDirectUpload("d".repeat(64), unused!.uploadId, 10)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("direct upload failing verification (wrong hash, truncated PNG, wrong size, not an image): object deleted, no row, today's error", async () => {
    const good = await png(300, 200, "#102030");
    const other = await png(8, 8, "#ff0000");
    const cases: { bytes: Uint8Array; claimed: string; size: number; error: object }[] = [
      { bytes: other, claimed: sha(good), size: other.length, error: { code: "INVALID_INPUT", message: expect.stringContaining(`not ${sha(good)}`) } },
      {
        bytes: good.subarray(0, good.length - 12),
        claimed: sha(good.subarray(0, good.length - 12)),
        size: good.length - 12,
        error: { code: "INVALID_INPUT", message: expect.stringContaining("truncated") },
      },
      { bytes: good, claimed: sha(good), size: good.length + 1, error: { code: "INVALID_INPUT", message: expect.stringContaining("declared") } },
      {
        bytes: new TextEncoder().encode("GIF89a...."),
        claimed: sha(new TextEncoder().encode("GIF89a....")),
        size: 10,
        error: { code: "UNSUPPORTED_MEDIA_TYPE" },
      },
    ];
    for (const c of cases) {
      const upload = await directUpload(c.bytes, c.claimed);
      await expect(confirmDirectUpload(c.claimed, upload.uploadId, c.size)).rejects.toMatchObject(c.error);
      expect(await rowCount(c.claimed)).toBe(0);
      expect(bucketObjects().filter((k) => k.includes(c.claimed))).toEqual([]);
    }
    await expect(confirmDirectUpload(sha(good), "not-an-id", 1)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
