import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createHttp } from "./http";

// The CLI's HTTP layer against a real local server: a 429 is waited out for exactly its Retry-After,
// then the request goes through; without the header it backs off exponentially.
let server: http.Server;
let url = "";
const answers: { status: number; headers?: Record<string, string> }[] = [];

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    const next = answers.shift() ?? { status: 200 };
    res.writeHead(next.status, { "content-type": "application/json", ...next.headers });
    res.end(next.status === 200 ? JSON.stringify({ ok: true }) : JSON.stringify({ error: { code: "RATE_LIMITED", message: "slow down" } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the CLI's HTTP client", () => {
  it("waits out Retry-After on a 429, then succeeds", async () => {
    const waits: number[] = [];
    answers.push({ status: 429, headers: { "retry-after": "3" } }, { status: 429, headers: { "retry-after": "1" } });
    const client = createHttp({ url, apiKey: "ugk_test", sleep: async (ms) => void waits.push(ms) });
    await expect(client.request("GET", "/api/v1/runs")).resolves.toMatchObject({ status: 200, body: { ok: true } });
    expect(waits).toEqual([3000, 1000]);
  });

  it("backs off exponentially without Retry-After and gives up with the server's error", async () => {
    const waits: number[] = [];
    answers.push({ status: 429 }, { status: 429 }, { status: 429 });
    const client = createHttp({ url, apiKey: "ugk_test", attempts: 3, backoffMs: 100, sleep: async (ms) => void waits.push(ms) });
    await expect(client.request("GET", "/api/v1/runs")).rejects.toMatchObject({ status: 429, code: "RATE_LIMITED" });
    expect(waits).toEqual([100, 200]);
  });
});
