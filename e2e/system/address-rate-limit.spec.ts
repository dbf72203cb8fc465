import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { readCredentials } from "../support/fixtures";
import { killServer, startServer, waitForHealth, systemPort, type TServer } from "../support/server-process";

// The API's two limits side by side (issue 17): a flooding key gets 429 with Retry-After while
// another key goes on, and a flooding address gets 429 whatever key it sends while another address
// goes on. Small buckets here (6 requests per key, 200 per address — room for the health polls of
// the start from 127.0.0.1 — nearly no refill); the defaults are sized for honest clients. Addresses are told apart by x-forwarded-for, as behind a proxy.
const port = systemPort("addressRateLimit");
let server: TServer | undefined;
let base = "";
let slug = "";
let firstKey = "";
let secondKey = "";

const get = (address: string, key?: string) =>
  fetch(`${base}/api/v1/runs`, { headers: { "x-forwarded-for": address, ...(key ? { authorization: `Bearer ${key}` } : {}) } });

async function statuses(n: number, address: string, key?: string): Promise<{ statuses: number[]; limited: Response | undefined }> {
  const seen: number[] = [];
  let limited: Response | undefined;
  for (let i = 0; i < n; i++) {
    const response = await get(address, key);
    seen.push(response.status);
    if (response.status === 429) limited ??= response;
    else await response.body?.cancel();
  }
  return { statuses: seen, limited };
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "unigap-address-limit-"));
  server = startServer(port, { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "", UNIGAP_API_RATE_LIMIT: "6/0.01", UNIGAP_API_ADDRESS_RATE_LIMIT: "200/0.01" });
  await waitForHealth(port);
  base = `http://127.0.0.1:${port}`;
  ({ apiKey: firstKey, projectSlug: slug } = readCredentials(dataDir));
  const made = await fetch(`${base}/api/v1/projects/${slug}/api-keys`, {
    method: "POST",
    headers: { authorization: `Bearer ${firstKey}`, "content-type": "application/json", "x-forwarded-for": "198.51.100.1" },
    body: JSON.stringify({ name: "second job", scope: "ingest" }),
  });
  expect(made.status).toBe(201);
  secondKey = ((await made.json()) as { secret: string }).secret;
});

test.afterAll(() => {
  if (server) killServer(server, "SIGKILL");
});

test("[RATE-LIMIT]: a flooding API key gets 429 with Retry-After while another key goes on", async () => {
  // The first key spent one token making the second.
  const flood = await statuses(8, "198.51.100.2", firstKey);
  expect(flood.statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  expect(Number(flood.limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(((await flood.limited!.json()) as { error: unknown }).error).toMatchObject({
    code: "RATE_LIMITED",
    message: expect.stringContaining("with this API key"),
  });
  expect((await get("198.51.100.2", secondKey)).status).toBe(200);
});

test("[RATE-LIMIT]: a flooding address gets 429 with Retry-After whatever key it sends, while another address goes on", async () => {
  // Without a key: every request counts against the address, refused ones too.
  const flood = await statuses(202, "198.51.100.3");
  expect(flood.statuses).toEqual([...Array<number>(200).fill(401), 429, 429]);
  expect(Number(flood.limited!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(((await flood.limited!.json()) as { error: unknown }).error).toMatchObject({
    code: "RATE_LIMITED",
    message: expect.stringContaining("from this address"),
  });
  expect((await get("198.51.100.3", secondKey)).status).toBe(429);
  expect((await get("198.51.100.4", secondKey)).status).toBe(200);
});
