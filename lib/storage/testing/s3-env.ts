// A test file's own s3rver, with the blob store pointed at it through UNIGAP_S3_* for the file's tests.
import { afterAll, beforeAll } from "vitest";

import { startS3rver, type TTestS3 } from "./s3rver";

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
