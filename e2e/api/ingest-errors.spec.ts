import { createHash } from "node:crypto";

import type { APIRequestContext, APIResponse } from "@playwright/test";

import { INGEST_LIMITS } from "@/lib/api/contracts/common";

import { expect, test } from "../support/fixtures";
import { createRun, uniquePng } from "../support/ingest";

// Every way a client can get a request wrong, and the precise answer it gets: status, error code,
// and the path of the offending field. Table-driven; runs on both databases.

type TCtx = { request: APIRequestContext; headers: Record<string, string>; runId: string; name: string; projectSlug: string };
type TCase = { name: string; send: (ctx: TCtx) => Promise<APIResponse>; status: number; code: string; path?: string };

const json = (headers: Record<string, string>) => ({ ...headers, "content-type": "application/json" });
const metrics = (ctx: TCtx, data: unknown) => ctx.request.post(`/api/v1/runs/${ctx.runId}/metrics`, { headers: ctx.headers, data });
const samples = (ctx: TCtx, data: unknown) => ctx.request.post(`/api/v1/runs/${ctx.runId}/samples`, { headers: ctx.headers, data });
const point = (step: number, value: unknown = 1) => ({ key: "loss", step, value });

const CASES: TCase[] = [
  { name: "no credentials", send: (c) => c.request.post("/api/v1/runs", { data: { name: "x" } }), status: 401, code: "UNAUTHORIZED" },
  {
    name: "a malformed Authorization header",
    send: (c) => c.request.get("/api/v1/runs", { headers: { authorization: "Token abc" } }),
    status: 401,
    code: "UNAUTHORIZED",
  },
  {
    name: "an unknown key",
    send: (c) => c.request.get("/api/v1/runs", { headers: { authorization: `Bearer ugk_${"x".repeat(43)}` } }),
    status: 401,
    code: "UNAUTHORIZED",
  },
  {
    name: "a key acting on another project",
    send: (c) => c.request.post("/api/v1/runs", { headers: c.headers, data: { name: "x", project: `not-${c.projectSlug}` } }),
    status: 403,
    code: "FORBIDDEN",
  },
  {
    name: "an unknown run",
    send: (c) => c.request.post(`/api/v1/runs/00000000-0000-4000-8000-000000000000/metrics`, { headers: c.headers, data: { points: [point(0)] } }),
    status: 404,
    code: "NOT_FOUND",
  },
  {
    name: "a run id that is no uuid",
    send: (c) => c.request.get("/api/v1/runs/abc", { headers: c.headers }),
    status: 422,
    code: "INVALID_INPUT",
    path: "runId",
  },
  {
    name: "a body that is no JSON",
    send: (c) => c.request.post(`/api/v1/runs/${c.runId}/metrics`, { headers: json(c.headers), data: "{points:" }),
    status: 422,
    code: "INVALID_INPUT",
  },
  {
    name: "a value that is no number",
    send: (c) => metrics(c, { points: [point(0), point(1, "nan")] }),
    status: 422,
    code: "INVALID_INPUT",
    path: "points.1.value",
  },
  { name: "a negative step", send: (c) => metrics(c, { points: [point(-1)] }), status: 422, code: "INVALID_INPUT", path: "points.0.step" },
  {
    name: "a bad wall time",
    send: (c) => metrics(c, { points: [{ ...point(0), wallTime: "yesterday" }] }),
    status: 422,
    code: "INVALID_INPUT",
    path: "points.0.wallTime",
  },
  {
    name: "one key and step twice in a batch",
    send: (c) => metrics(c, { points: [point(3), point(3)] }),
    status: 422,
    code: "INVALID_INPUT",
    path: "points.1",
  },
  {
    name: "more points than a batch holds",
    send: (c) => metrics(c, { points: Array.from({ length: INGEST_LIMITS.metricPoints + 1 }, (_, i) => point(i)) }),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "a body over 5 MB",
    send: (c) => metrics(c, { points: Array.from({ length: 6_000 }, (_, i) => ({ ...point(i), pad: "x".repeat(1_000) })) }),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "a sample naming an unregistered prompt",
    send: (c) => samples(c, { samples: [{ step: 0, prompt: `${c.name}-none` }] }),
    status: 422,
    code: "INVALID_INPUT",
    path: "samples.0.prompt",
  },
  {
    name: "an external judgment without its judge",
    send: (c) => samples(c, { samples: [{ step: 0, prompt: "p", judgments: [{ kind: "external", verdict: 1 }] }] }),
    status: 422,
    code: "INVALID_INPUT",
    path: "samples.0.judgments.0.judge",
  },
  {
    name: "a verdict other than 1, 0 or null",
    send: (c) => samples(c, { samples: [{ step: 0, prompt: "p", judgments: [{ kind: "self", verdict: 2 }] }] }),
    status: 422,
    code: "INVALID_INPUT",
    path: "samples.0.judgments.0.verdict",
  },
  {
    name: "an image that was never uploaded",
    send: (c) => samples(c, { samples: [{ step: 0, prompt: { externalId: `${c.name}-p`, text: "t" }, imageSha256: "f".repeat(64) }] }),
    status: 422,
    code: "INVALID_INPUT",
    path: "samples.0.imageSha256",
  },
  {
    name: "more samples than a batch holds",
    send: (c) => samples(c, { samples: Array.from({ length: INGEST_LIMITS.samples + 1 }, (_, i) => ({ step: i, prompt: "p" })) }),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "image bytes that do not match their hash",
    send: async (c) => c.request.put(`/api/v1/blobs/${"0".repeat(64)}`, { headers: c.headers, data: (await uniquePng(c.name)).bytes }),
    status: 422,
    code: "INVALID_INPUT",
  },
  {
    name: "a GIF",
    send: (c) => {
      const gif = Buffer.from("GIF89a\u0001\u0000\u0001\u0000");
      return c.request.put(`/api/v1/blobs/${sha(gif)}`, { headers: c.headers, data: gif });
    },
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  { name: "a hash that is no sha256", send: (c) => c.request.head("/api/v1/blobs/xyz", { headers: c.headers }), status: 422, code: "" },
  {
    name: "a status no run has",
    send: (c) => c.request.patch(`/api/v1/runs/${c.runId}`, { headers: c.headers, data: { status: "paused" } }),
    status: 422,
    code: "INVALID_INPUT",
    path: "status",
  },
];

function sha(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

for (const c of CASES) {
  test(`[INGEST-ERRORS]: ${c.name} → ${c.status}`, async ({ request, apiHeaders, uniqueName, credentials }) => {
    const name = uniqueName("err");
    const run = await createRun(request, apiHeaders, name);
    const response = await c.send({ request, headers: apiHeaders, runId: run.id, name, projectSlug: credentials.projectSlug });
    expect(response.status(), await response.text()).toBe(c.status);
    if (!c.code) return; // HEAD answers carry no body
    const body = await response.json();
    expect(body.error).toMatchObject({ code: c.code, message: expect.any(String) });
    if (c.path) expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: c.path })]));
  });
}

test("[INGEST-ERRORS]: a conflicting batch is a 409 listing index, field, stored and sent, and writes nothing", async ({ request, apiHeaders, uniqueName }) => {
  const run = await createRun(request, apiHeaders, uniqueName("conflict"));
  const url = `/api/v1/runs/${run.id}/metrics`;
  await request.post(url, { headers: apiHeaders, data: { points: [point(0, 1), point(1, 2)] } });
  const rejected = await request.post(url, { headers: apiHeaders, data: { points: [point(2, 3), point(1, 5)] } });
  expect(rejected.status()).toBe(409);
  expect((await rejected.json()).error).toMatchObject({
    code: "CONFLICT",
    details: { total: 1, conflicts: [{ index: 1, path: "points.1.value", field: "value", stored: 2, sent: 5 }] },
  });
  // The new point of the rejected batch was not kept: sending it alone inserts it now.
  expect(await (await request.post(url, { headers: apiHeaders, data: { points: [point(2, 3)] } })).json()).toEqual({ inserted: 1, unchanged: 0, updated: 0 });
  expect(await (await request.post(`${url}?overwrite=true`, { headers: apiHeaders, data: { points: [point(1, 5)] } })).json()).toEqual({
    inserted: 0,
    unchanged: 0,
    updated: 1,
  });
});

test("[INGEST-ERRORS]: a sample batch rejected late (a conflicting judgment) leaves samples, prompts and judgments as they were", async ({
  request,
  apiHeaders,
  uniqueName,
}) => {
  const name = uniqueName("atomic");
  const run = await createRun(request, apiHeaders, name);
  const url = `/api/v1/runs/${run.id}/samples`;
  const prompt = { externalId: `${name}/p`, text: "two dogs" };
  await request.post(url, { headers: apiHeaders, data: { samples: [{ step: 1, prompt, judgments: [{ kind: "self", verdict: 1 }] }] } });
  const newPrompt = { externalId: `${name}/q`, text: "a cat" };
  const bad = {
    samples: [
      { step: 2, prompt: newPrompt, judgments: [{ kind: "self", verdict: 0 }] },
      { step: 1, prompt: prompt.externalId, judgments: [{ kind: "self", verdict: 0 }] },
    ],
  };
  const rejected = await request.post(url, { headers: apiHeaders, data: bad });
  expect(rejected.status()).toBe(409);
  expect((await rejected.json()).error.details.conflicts).toEqual([expect.objectContaining({ path: "samples.1.judgments.0.verdict", stored: 1, sent: 0 })]);
  const onlyNew = await (await request.post(url, { headers: apiHeaders, data: { samples: [bad.samples[0]] } })).json();
  expect(onlyNew).toMatchObject({ samples: { inserted: 1 }, judgments: { inserted: 1 }, prompts: { inserted: 1 } });
});
