import { createHash } from "node:crypto";
import fs from "node:fs";

import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";

import { blobPath, readBlob, storeBlob, storeBlobs } from "./blob-store";
import { expectRangedImageResponses } from "./testing/ranged-reads";

const db = setupTestDatabase();

async function png(width: number, height: number, color = "#4f46e5") {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
}

describe("blob store", () => {
  it("answers Range on the image route from a slice of the file: 206 with Content-Range, 416 past the end", async () => {
    const bytes = await sharp({ create: { width: 50, height: 30, channels: 3, background: "#654321" } })
      .png()
      .toBuffer();
    const { sha256 } = await storeBlob(bytes);
    await expectRangedImageResponses(sha256, bytes);
  });

  it("stores an image once, content-addressed, with its size and type", async () => {
    const bytes = await png(32, 16);
    const sha = createHash("sha256").update(bytes).digest("hex");
    const first = await storeBlob(bytes, sha);
    expect(first).toMatchObject({ sha256: sha, mediaType: "image/png", width: 32, height: 16, byteSize: bytes.length, isNew: true });
    expect((await storeBlob(bytes, sha)).isNew).toBe(false);
    expect(fs.readFileSync(await blobPath(sha)).equals(bytes)).toBe(true);
    expect((await readBlob(sha))?.bytes.equals(bytes)).toBe(true);
  });

  it("refuses a wrong hash, a non-image and an undecodable image without storing anything", async () => {
    const bytes = await png(8, 8, "#ff0000");
    await expect(storeBlob(bytes, "0".repeat(64))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(storeBlob(new TextEncoder().encode("GIF89a...."))).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    const truncated = bytes.subarray(0, 40);
    await expect(storeBlob(truncated)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    // Header and size intact, the end missing: refused too (the header alone used to pass).
    const large = await png(300, 200, "#123456");
    await expect(storeBlob(large.subarray(0, large.length - 12))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("truncated"),
    });
    const [row] = await db.current.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1`, [
      createHash("sha256").update(bytes).digest("hex"),
    ]);
    expect(row?.n).toBe(0);
  });

  it("stores many images in one go: hashes in input order, duplicates and known images stored once", async () => {
    const [a, b] = [await png(4, 4, "#00ff00"), await png(6, 3, "#0000ff")];
    const known = await storeBlob(a);
    const hashes = await storeBlobs([a, b, b]);
    const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
    expect(hashes).toEqual([known.sha256, sha(b), sha(b)]);
    const rows = await db.current.sql.query<{ sha256: string; width: number; height: number }>(
      `SELECT sha256, width, height FROM blobs WHERE sha256 = ANY($1::char(64)[]) ORDER BY width`,
      [hashes],
    );
    expect(rows).toEqual([
      { sha256: known.sha256, width: 4, height: 4 },
      { sha256: sha(b), width: 6, height: 3 },
    ]);
    expect((await readBlob(sha(b)))?.bytes.equals(b)).toBe(true);
    await expect(storeBlobs([a, new TextEncoder().encode("GIF89a....")])).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });
});
