import "server-only";

import path from "node:path";

import { findBlobRoot } from "./blob-repository";
import { LocalObjectStore } from "./local-object-store";
import { S3ObjectStore, type TS3Settings } from "./s3-object-store";
import type { TObjectStore } from "./object-types";

// Where image bytes live: one interface, two implementations chosen by the environment.
// UNIGAP_S3_BUCKET set → an S3-compatible bucket (AWS S3, MinIO, R2, Ceph …) through the AWS SDK;
// unset → the local data folder (<data dir>/blobs, <data dir>/thumbs), as before. Keys are the same
// relative paths in both, so the migration copies the folder as it is.

export function blobKey(sha256: string): string {
  return `blobs/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

export function thumbnailKey(sha256: string, size: number): string {
  return `thumbs/${size}/${sha256.slice(0, 2)}/${sha256}.webp`;
}

export function s3SettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TS3Settings | null {
  const bucket = env.UNIGAP_S3_BUCKET?.trim();
  if (!bucket) return null;
  const prefix = (env.UNIGAP_S3_PREFIX ?? "").trim().replace(/^\/+/, "");
  return {
    bucket,
    endpoint: env.UNIGAP_S3_ENDPOINT?.trim() || undefined,
    region: env.UNIGAP_S3_REGION?.trim() || "us-east-1",
    prefix: prefix && !prefix.endsWith("/") ? `${prefix}/` : prefix,
    forcePathStyle: env.UNIGAP_S3_FORCE_PATH_STYLE === "1",
  };
}

let cached: { signature: string; store: S3ObjectStore } | null = null;

/** The S3 store when UNIGAP_S3_BUCKET is set, else null (one client per process and settings). */
export function findS3Store(): S3ObjectStore | null {
  const settings = s3SettingsFromEnv();
  if (!settings) return null;
  const signature = JSON.stringify(settings);
  if (cached?.signature !== signature) cached = { signature, store: new S3ObjectStore(settings) };
  return cached.store;
}

export async function getObjectStore(): Promise<TObjectStore> {
  return findS3Store() ?? new LocalObjectStore(path.dirname(await findBlobRoot()));
}
