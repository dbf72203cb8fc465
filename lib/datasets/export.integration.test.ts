import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { seedDemoProject } from "@/prisma/seed/scenarios/demo";
import { createTestUser } from "@/prisma/factories";

import { exportDataset } from "./export";
import { buildDataset } from "./service";

const db = setupTestDatabase();
const CHECKER = path.join(import.meta.dirname, "testing", "check_export.py");

async function save(body: ReadableStream, file: string): Promise<void> {
  await pipeline(Readable.fromWeb(body as never), fs.createWriteStream(file));
}

describe("dataset export", () => {
  it("streams a tar (and tar.gz) that a standard-library Python script verifies against its manifest", async () => {
    const owner = await createTestUser();
    const demo = await seedDemoProject(db.current, { ownerId: owner.id, slug: "export-demo", stride: 6 });
    const actor = { kind: "user" as const, userId: owner.id };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-export-test-"));

    const sft = await buildDataset(actor, demo.runIds.curriculum!, { kind: "sft", step: 0 });
    const tarFile = path.join(dir, "sft.tar");
    await save((await exportDataset(actor, sft.id, { gzip: false, acknowledgeRisk: false })).body, tarFile);
    const checked = JSON.parse(execFileSync("python3", [CHECKER, tarFile]).toString()) as {
      rows: Record<string, number>;
      images: number;
      items: number;
      problems: string[];
    };
    expect(checked.problems).toEqual([]);
    expect(checked.rows).toEqual({ "sft.jsonl": sft.itemCount, "metadata.jsonl": sft.itemCount });
    expect(checked.images).toBeGreaterThan(0);

    const dpo = await buildDataset(actor, demo.runIds.dpo!, { kind: "dpo", step: 0, acknowledgeRisk: true });
    const gzFile = path.join(dir, "dpo.tar.gz");
    await save((await exportDataset(actor, dpo.id, { gzip: true, acknowledgeRisk: true })).body, gzFile);
    const dpoChecked = JSON.parse(execFileSync("python3", [CHECKER, gzFile]).toString()) as { rows: Record<string, number>; problems: string[] };
    expect(dpoChecked).toMatchObject({ problems: [], rows: { "dpo.jsonl": dpo.itemCount } });

    // An at-risk set needs the acknowledgement to export, and a missing image fails before any byte.
    const bad = await buildDataset(actor, demo.runIds["poor-supervision"]!, { kind: "sft", step: 0, acknowledgeRisk: true });
    await expect(exportDataset(actor, bad.id, { gzip: false, acknowledgeRisk: false })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const [row] = await db.current.sql.query<{ sha: string }>(
      `SELECT s.blob_sha256 AS sha FROM dataset_items i JOIN samples s ON s.id = i.sample_id WHERE i.dataset_id = $1::uuid LIMIT 1`,
      [bad.id],
    );
    const { blobPath } = await import("@/lib/storage/blob-store");
    const blob = await blobPath(row!.sha.trim());
    fs.renameSync(blob, `${blob}.away`);
    await expect(exportDataset(actor, bad.id, { gzip: false, acknowledgeRisk: true })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("missing from blob storage"),
    });
    fs.renameSync(`${blob}.away`, blob);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
