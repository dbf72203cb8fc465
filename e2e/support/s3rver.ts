// An S3-compatible server for the system specs (the e2e suite is black-box, so lib/storage/testing/s3rver.ts has its twin): s3rver on 127.0.0.1 on a free port, its objects in a temp
// folder, one bucket made up front. s3rver checks signatures with the key pair S3RVER / S3RVER.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import S3rver from "s3rver";

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
