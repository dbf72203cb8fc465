import type { APIRequestContext, APIResponse } from "@playwright/test";

import { expect, test } from "../support/fixtures";
import { createRun } from "../support/ingest";

// Text that PostgreSQL cannot store exactly (NUL, lone surrogates), nesting that overflows a
// recursive reader, ids beyond bigint and bytes that are not UTF-8: each is a 422 naming the field,
// and nothing is written. Unusual but valid text (emoji, RTL, combining marks) round-trips exactly.

type TCtx = { request: APIRequestContext; headers: Record<string, string>; runId: string; name: string };
type TCase = { name: string; send: (ctx: TCtx) => Promise<APIResponse>; path: string };

const NUL = "a\u0000b";
const LONE = "a\ud800b";
const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const post = (c: TCtx, route: string, data: unknown) => c.request.post(route, { headers: c.headers, data });
const raw = (c: TCtx, route: string, body: string | Buffer) =>
  c.request.post(route, { headers: { ...c.headers, "content-type": "application/json" }, data: body });
const sample = (c: TCtx, extra: Record<string, unknown>) => ({ step: 0, prompt: { externalId: `${c.name}/p`, text: "a red cube" }, ...extra });

const CASES: TCase[] = [
  { name: "a NUL in a run name", send: (c) => post(c, "/api/v1/runs", { name: NUL }), path: "name" },
  { name: "a NUL in a method", send: (c) => post(c, "/api/v1/runs", { name: c.name, method: NUL }), path: "method" },
  { name: "a NUL in a tag", send: (c) => post(c, "/api/v1/runs", { name: c.name, tags: ["ok", NUL] }), path: "tags.1" },
  { name: "a NUL in a config key", send: (c) => post(c, "/api/v1/runs", { name: c.name, config: { [NUL]: 1 } }), path: `config.${NUL}` },
  { name: "a NUL in a config value", send: (c) => post(c, "/api/v1/runs", { name: c.name, config: { lr: { note: NUL } } }), path: "config.lr.note" },
  { name: "a NUL in an external id", send: (c) => post(c, "/api/v1/runs", { name: c.name, externalId: NUL }), path: "externalId" },
  { name: "a NUL in notes", send: (c) => c.request.patch(`/api/v1/runs/${c.runId}`, { headers: c.headers, data: { notes: NUL } }), path: "notes" },
  { name: "a NUL in prompt text", send: (c) => post(c, "/api/v1/prompts", { prompts: [{ externalId: `${c.name}/q`, text: NUL }] }), path: "prompts.0.text" },
  {
    name: "a NUL in a benchmark",
    send: (c) => post(c, "/api/v1/prompts", { prompts: [{ externalId: `${c.name}/q`, text: "t", benchmark: NUL }] }),
    path: "prompts.0.benchmark",
  },
  {
    name: "a NUL in a subtask",
    send: (c) => post(c, "/api/v1/prompts", { prompts: [{ externalId: `${c.name}/q`, text: "t", subtask: NUL }] }),
    path: "prompts.0.subtask",
  },
  {
    name: "a NUL in a prompt spec",
    send: (c) => post(c, "/api/v1/prompts", { prompts: [{ externalId: `${c.name}/q`, text: "t", spec: { objects: [NUL] } }] }),
    path: "prompts.0.spec.objects.0",
  },
  {
    name: "a NUL in a response",
    send: (c) => post(c, `/api/v1/runs/${c.runId}/samples`, { samples: [sample(c, { judgments: [{ kind: "self", verdict: 1, response: NUL }] })] }),
    path: "samples.0.judgments.0.response",
  },
  {
    name: "a NUL in a reason",
    send: (c) =>
      post(c, `/api/v1/runs/${c.runId}/samples`, { samples: [sample(c, { judgments: [{ kind: "external", judge: "geneval", verdict: 1, reason: NUL }] })] }),
    path: "samples.0.judgments.0.reason",
  },
  {
    name: "a NUL in a judge name",
    send: (c) => post(c, `/api/v1/runs/${c.runId}/samples`, { samples: [sample(c, { judgments: [{ kind: "external", judge: NUL, verdict: 1 }] })] }),
    path: "samples.0.judgments.0.judge",
  },
  {
    name: "a NUL in a metric key",
    send: (c) => post(c, `/api/v1/runs/${c.runId}/metrics`, { points: [{ key: NUL, step: 0, value: 1 }] }),
    path: "points.0.key",
  },
  { name: "a NUL in a query string", send: (c) => c.request.get(`/api/v1/runs?name=a%00b`, { headers: c.headers }), path: "name" },
  { name: "a NUL in a summary filter", send: (c) => c.request.get(`/api/v1/runs/${c.runId}/summary?benchmark=%00`, { headers: c.headers }), path: "benchmark" },
  { name: "a lone surrogate in a run name", send: (c) => post(c, "/api/v1/runs", { name: LONE }), path: "name" },
  { name: "a lone surrogate in a tag", send: (c) => post(c, "/api/v1/runs", { name: c.name, tags: [LONE] }), path: "tags.0" },
  { name: "a lone surrogate in config", send: (c) => post(c, "/api/v1/runs", { name: c.name, config: { a: [LONE] } }), path: "config.a.0" },
  {
    name: "a lone surrogate in prompt text",
    send: (c) => post(c, "/api/v1/prompts", { prompts: [{ externalId: `${c.name}/q`, text: LONE }] }),
    path: "prompts.0.text",
  },
  {
    name: "a lone surrogate in a spec",
    send: (c) => post(c, "/api/v1/prompts", { prompts: [{ externalId: `${c.name}/q`, text: "t", spec: { s: LONE } }] }),
    path: "prompts.0.spec.s",
  },
  {
    name: "a lone surrogate in a metric key",
    send: (c) => post(c, `/api/v1/runs/${c.runId}/metrics`, { points: [{ key: "\udc00", step: 0, value: 1 }] }),
    path: "points.0.key",
  },
  {
    name: "a lone surrogate in a response",
    send: (c) => post(c, `/api/v1/runs/${c.runId}/samples`, { samples: [sample(c, { judgments: [{ kind: "self", verdict: 1, response: LONE }] })] }),
    path: "samples.0.judgments.0.response",
  },
  {
    name: "10,000-deep nesting in run config",
    send: (c) => raw(c, "/api/v1/runs", `{"name":"${c.name}","config":{"a":${deep(10_000)}}}`),
    path: "config.a.0.0.0",
  },
  {
    name: "10,000-deep nesting in a prompt spec",
    send: (c) => raw(c, "/api/v1/prompts", `{"prompts":[{"externalId":"${c.name}/q","text":"t","spec":${deep(10_000)}}]}`),
    path: "prompts.0.spec.0",
  },
  {
    name: "a sample id above bigint",
    send: (c) => post(c, `/api/v1/runs/${c.runId}/judgments`, { judgments: [{ sample: { id: "9999999999999999999" }, kind: "self", verdict: 1 }] }),
    path: "judgments.0.sample.id",
  },
];

// One run per worker and project serves every case (each checks it is unchanged afterwards): the
// demo project's runs list is shared with the UI specs, which expect the demo's runs on its first page.
const runsByProject = new Map<string, Promise<{ id: string }>>();

for (const c of CASES) {
  test(`[HOSTILE-TEXT]: ${c.name} → 422 naming the field, nothing written`, async ({ request, apiHeaders, uniqueName }, testInfo) => {
    const name = uniqueName("hostile");
    const project = testInfo.project.name;
    if (!runsByProject.has(project)) runsByProject.set(project, createRun(request, apiHeaders, uniqueName("hostile-run")));
    const run = await runsByProject.get(project)!;
    const before = await (await request.get(`/api/v1/runs/${run.id}`, { headers: apiHeaders })).json();
    const response = await c.send({ request, headers: apiHeaders, runId: run.id, name });
    expect(response.status(), await response.text()).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("INVALID_INPUT");
    expect(body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining(c.path.split(".")[0]!) })]));
    expect(JSON.stringify(body.error.details)).toContain(JSON.stringify(c.path).slice(1, -1).slice(0, 40));
    expect(await (await request.get(`/api/v1/runs/${run.id}`, { headers: apiHeaders })).json()).toEqual(before);
    const summary = await (await request.get(`/api/v1/runs/${run.id}/summary`, { headers: apiHeaders })).json();
    expect(summary.checkpoints ?? []).toEqual([]);
    expect((await request.get("/api/health")).ok()).toBe(true);
  });
}

test("[HOSTILE-TEXT]: a body that is not UTF-8 is a 422, not text with U+FFFD", async ({ request, apiHeaders, uniqueName }) => {
  const name = uniqueName("utf8");
  const bytes = Buffer.concat([Buffer.from(`{"name":"${name}`), Buffer.from([0xff, 0xfe]), Buffer.from(`"}`)]);
  const response = await raw({ request, headers: apiHeaders, runId: "", name }, "/api/v1/runs", bytes);
  expect(response.status()).toBe(422);
  expect((await response.json()).error.message).toContain("UTF-8");
  const listed = await (await request.get(`/api/v1/runs?limit=200`, { headers: apiHeaders })).json();
  expect(listed.runs.some((r: { name: string }) => r.name.startsWith(name))).toBe(false);
});

test("[HOSTILE-TEXT]: emoji, right-to-left text, combining marks, SQL and markup round-trip exactly", async ({ request, apiHeaders, uniqueName }) => {
  const name = `${uniqueName("unusual")} 🧪 مرحبا e\u0301 '); DROP TABLE runs;-- <script>alert(1)</script>`;
  const run = await createRun(request, apiHeaders, name, { tags: ["👩‍🔬", "שלום"], config: { ключ: "値 \u200f", nested: { "a\tb": "c\u0007d" } } });
  const stored = await (await request.get(`/api/v1/runs/${run.id}`, { headers: apiHeaders })).json();
  expect(stored.name).toBe(name);
  expect(stored.tags).toEqual(["👩‍🔬", "שלום"]);
  expect(stored.config).toEqual({ ключ: "値 \u200f", nested: { "a\tb": "c\u0007d" } });
});
