// An S3-compatible server for tests: s3rver on 127.0.0.1 on a free port, its objects in a temp
// folder, one bucket made up front. s3rver checks signatures with the key pair S3RVER / S3RVER.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import S3rver from "s3rver";
import { afterAll, beforeAll } from "vitest";

export type TTestS3 = { endpoint: string; bucket: string; directory: string; env: Record<string, string>; stop: () => Promise<void> };

export async function startS3rver(bucket = "unigap-test"): Promise<TTestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    UNIGAP_S3_BUCKET: bucket,
    UNIGAP_S3_ENDPOINT: endpoint,
    UNIGAP_S3_REGION: "us-east-1",
    UNIGAP_S3_FORCE_PATH_STYLE: "1",
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
  };
  return {
    endpoint,
    bucket,
    directory,
    env,
    stop: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Starts s3rver for a test file and points the blob store at it (UNIGAP_S3_*), restoring the environment after. */
export function setupTestS3(prefix = ""): { readonly current: TTestS3 } {
  const handle: { current?: TTestS3 } = {};
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    handle.current = await startS3rver();
    for (const [name, value] of Object.entries({ ...handle.current.env, UNIGAP_S3_PREFIX: prefix })) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  }, 30_000);
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await handle.current?.stop();
  });
  return {
    get current() {
      if (!handle.current) throw new Error("s3rver starts in beforeAll; use it inside tests.");
      return handle.current;
    },
  };
}
