import { createHash } from "node:crypto";

import type { APIRequestContext } from "@playwright/test";
import sharp from "sharp";

// Helpers for the ingest API specs: a run per test, and small real images whose bytes (and so
// sha256) are unique to the name they are made from.

export async function createRun(request: APIRequestContext, headers: Record<string, string>, name: string, extra: Record<string, unknown> = {}) {
  const response = await request.post("/api/v1/runs", { headers, data: { name, ...extra } });
  if (!response.ok()) throw new Error(`creating run ${name}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as { id: string; url: string; created: boolean; name: string };
}

export async function uniquePng(name: string, size = 8): Promise<{ bytes: Buffer; sha256: string }> {
  const digest = createHash("sha256").update(name).digest();
  const background = { r: digest[0]!, g: digest[1]!, b: digest[2]! };
  const bytes = await sharp({ create: { width: size, height: size, channels: 3, background } })
    .png()
    .withMetadata({ exif: { IFD0: { ImageDescription: name } } })
    .toBuffer();
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}
