import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { blobKey, getObjectStore } from "@/lib/storage/object-store";
import { setupTestS3 } from "@/lib/storage/testing/s3-env";
import { seedDemoProject } from "@/prisma/seed/scenarios/demo";
import { createTestUser } from "@/prisma/factories";

import { exportDataset } from "./export";
import { buildDataset } from "./service";

// The export with images in an S3 bucket (s3rver): the same archive as from the data folder, read
// through the object store; an object missing from the bucket fails the export before its first byte.

const db = setupTestDatabase();
setupTestS3("lab-s3/");
const CHECKER = path.join(import.meta.dirname, "testing", "check_export.py");

describe("dataset export from S3", () => {
  it("streams a tar the standard-library checker verifies, and refuses before any byte when an object is missing", async () => {
    const owner = await createTestUser();
    const demo = await seedDemoProject(db.current, { ownerId: owner.id, slug: "export-s3", stride: 12 });
    const actor = { kind: "user" as const, userId: owner.id };
    expect(fs.existsSync(path.join(db.current.config.dataDir, "blobs"))).toBe(false);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-export-s3-"));

    const sft = await buildDataset(actor, demo.runIds.curriculum!, { kind: "sft", step: 0 });
    const tarFile = path.join(dir, "sft.tar");
    await pipeline(
      Readable.fromWeb((await exportDataset(actor, sft.id, { gzip: false, acknowledgeRisk: false })).body as never),
      fs.createWriteStream(tarFile),
    );
    const checked = JSON.parse(execFileSync("python3", [CHECKER, tarFile]).toString()) as { rows: Record<string, number>; images: number; problems: string[] };
    expect(checked.problems).toEqual([]);
    expect(checked.rows).toEqual({ "sft.jsonl": sft.itemCount, "metadata.jsonl": sft.itemCount });
    expect(checked.images).toBeGreaterThan(0);

    // One object gone from the bucket: the export is refused, naming the image, and nothing is streamed.
    const [row] = await db.current.sql.query<{ sha: string }>(
      `SELECT s.blob_sha256 AS sha FROM dataset_items i JOIN samples s ON s.id = i.sample_id WHERE i.dataset_id = $1::uuid ORDER BY i.position DESC LIMIT 1`,
      [sft.id],
    );
    const store = await getObjectStore();
    expect(store.kind).toBe("s3");
    const key = blobKey(row!.sha.trim());
    const bytes = (await store.get(key))!;
    await store.delete(key);
    await expect(exportDataset(actor, sft.id, { gzip: false, acknowledgeRisk: false })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`(${row!.sha.trim()}) is missing from blob storage`),
    });
    await store.put(key, bytes, { contentType: "image/png", sha256: row!.sha.trim() });
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
