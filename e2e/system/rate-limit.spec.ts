import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { readCredentials } from "../support/fixtures";
import { killServer, startServer, waitForHealth, systemPort, type TServer } from "../support/server-process";

// A key that floods the API gets 429 with Retry-After; the bucket is tiny here (5 requests, one
// back every 5 s) so a handful of requests shows it. The default is sized for honest clients.
const port = systemPort("rateLimit");
let server: TServer | undefined;

test.afterAll(() => {
  if (server) killServer(server, "SIGKILL");
});

test("[RATE-LIMIT]: one API key flooding the server gets 429 with Retry-After", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-ratelimit-"));
  server = startServer(port, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "", UNIGAP_API_RATE_LIMIT: "5/0.2" });
  await waitForHealth(port);
  const { apiKey } = readCredentials(dataDir);
  const statuses: number[] = [];
  let limited: Response | undefined;
  for (let i = 0; i < 8; i++) {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/runs`, { headers: { authorization: `Bearer ${apiKey}` } });
    statuses.push(response.status);
    if (response.status === 429) limited ??= response;
    else await response.body?.cancel();
  }
  expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  expect(statuses.slice(5)).toEqual([429, 429, 429]);
  expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect((await limited!.json()).error).toMatchObject({ code: "RATE_LIMITED" });
  killServer(server);
});
