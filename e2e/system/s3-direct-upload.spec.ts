import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { readCredentials } from "../support/fixtures";
import { directUploadScript } from "../support/python-direct-upload";
import { startS3rver, type TTestS3 } from "../support/s3rver";
import { killServer, startServer, waitForHealth, systemPort, type TServer } from "../support/server-process";
import { runProcess } from "../support/spawn";

// A server in S3 mode (s3rver on 127.0.0.1): the Python client logs images by direct upload (the
// blob check answers presigned URLs, the bytes go to the bucket, the server verifies on confirm),
// the image and thumbnail routes serve them from the bucket, and the local blob folder stays empty.
const port = systemPort("s3DirectUpload");
let server: TServer | undefined;
let s3: TTestS3 | undefined;

test.afterAll(async () => {
  if (server) killServer(server, "SIGKILL");
  await s3?.stop();
});

const PYTHON = directUploadScript({
  runName: "s3-direct",
  count: 3,
  seed: 4242,
  logSample: `run.log_sample(step=0, prompt="a red cube %d" % i, image=png(4242 + i), judgments=[{"kind": "self", "verdict": 1}])`,
});

test("[S3]: the Python client uploads images straight to the bucket; the image and thumbnail routes serve them", async () => {
  test.setTimeout(300_000);
  s3 = await startS3rver("unigap-e2e");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-s3-e2e-"));
  server = startServer(port, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "", ...s3.env, UNIGAP_S3_PREFIX: "e2e" });
  await waitForHealth(port);
  const { apiKey } = readCredentials(dataDir);
  const base = `http://127.0.0.1:${port}`;
  const result = await runProcess(
    "python3",
    ["-c", PYTHON, fs.mkdtempSync(path.join(os.tmpdir(), "unigap-s3-spool-"))],
    {
      UNIGAP_URL: base,
      UNIGAP_API_KEY: apiKey,
      PYTHONDONTWRITEBYTECODE: "1",
    },
    { cwd: path.resolve("clients/python"), timeoutMs: 120_000 },
  );
  expect(result.code, result.stderr).toBe(0);
  const out = JSON.parse(result.stdout.trim().split("\n").pop()!) as { calls: { direct: number; app: number }; sampleIds: string[]; sha256: string[] };
  expect(out.calls).toEqual({ direct: 3, app: 0 });
  expect(out.sampleIds).toHaveLength(3);

  const headers = { authorization: `Bearer ${apiKey}` };
  for (const id of out.sampleIds) {
    const image = await fetch(`${base}/api/samples/${id}/image`, { headers });
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await image.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    const thumb = await fetch(`${base}/api/samples/${id}/thumbnail?size=128`, { headers });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    await thumb.arrayBuffer();
  }
  // The bytes are in the bucket (blobs, cached thumbnails; the demo's images too), none in the data folder.
  const objects = new Set(
    (fs.readdirSync(path.join(s3.directory, s3.bucket), { recursive: true }) as string[])
      .filter((f) => f.endsWith("._S3rver_object"))
      .map((f) =>
        f
          .replace(/\._S3rver_object$/, "")
          .split(path.sep)
          .join("/"),
      ),
  );
  for (const sha of out.sha256) {
    expect(objects.has(`e2e/blobs/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`)).toBe(true);
    expect(objects.has(`e2e/thumbs/128/${sha.slice(0, 2)}/${sha}.webp`)).toBe(true);
  }
  expect([...objects].filter((f) => f.includes("uploads/"))).toEqual([]);
  expect(fs.existsSync(path.join(dataDir, "blobs"))).toBe(false);
  expect(fs.existsSync(path.join(dataDir, "thumbs"))).toBe(false);
  // Reads stay authorized by the route (the bucket is never exposed): no credentials, no image.
  expect((await fetch(`${base}/api/samples/${out.sampleIds[0]}/image`)).status).toBe(401);
  killServer(server);
});
