// Every simulated sample gets a real picture: rendered once per (prompt, variant, error) and stored
// through the app's content-addressed blob store, so identical pictures are one blob.
import "server-only";

import { storeBlobs } from "@/lib/storage/blob-store";

import type { TPromptRecord } from "../prompts/load-prompts";
import type { TErrorKind } from "../prompts/spec";
import { renderImage } from "../render/render-image";

export type TImageSpec = { prompt: TPromptRecord; variant: number; error: TErrorKind | null };

export function imageCacheKey(image: TImageSpec): string {
  return `${image.prompt.externalId}|${image.variant}|${image.error ?? "aligned"}`;
}

const STORE_BATCH = 500;

/** Renders and stores what is not in `cache` yet; fills the cache with each image's sha256. */
export async function storeImages(images: Iterable<TImageSpec>, cache: Map<string, string>): Promise<number> {
  const missing = new Map<string, TImageSpec>();
  for (const image of images) {
    const key = imageCacheKey(image);
    if (!cache.has(key)) missing.set(key, image);
  }
  const entries = [...missing.entries()];
  for (let i = 0; i < entries.length; i += STORE_BATCH) {
    const batch = entries.slice(i, i + STORE_BATCH);
    const rendered = await Promise.all(batch.map(([, image]) => renderImage({ spec: image.prompt.spec, variant: image.variant, error: image.error })));
    const hashes = await storeBlobs(rendered.map((r) => r.png));
    batch.forEach(([key], k) => cache.set(key, hashes[k]!));
  }
  return entries.length;
}
