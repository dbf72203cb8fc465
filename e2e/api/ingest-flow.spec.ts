import { expect, test } from "../support/fixtures";
import { createRun, uniquePng } from "../support/ingest";

// The happy path a training script takes, over HTTP on both databases: create the run, log curves,
// upload an image, log samples with judgments, add a judgment later — and re-send everything.

test("[INGEST]: a run is created once per externalId, listed, updated and kept alive", async ({ request, apiHeaders, uniqueName, credentials }) => {
  const name = uniqueName("flow-run");
  const first = await createRun(request, apiHeaders, name, { externalId: name, method: "dpo", tags: ["e2e"], config: { lr: 1e-5 } });
  expect(first.created).toBe(true);
  expect(first.url).toContain(`/p/${credentials.projectSlug}/runs/${first.id}`);
  const again = await request.post("/api/v1/runs", { headers: apiHeaders, data: { name, externalId: name } });
  expect(again.status()).toBe(200);
  expect(await again.json()).toMatchObject({ id: first.id, created: false });

  const listed = await (await request.get(`/api/v1/runs?name=${encodeURIComponent(name)}`, { headers: apiHeaders })).json();
  expect(listed.runs.map((r: { id: string }) => r.id)).toEqual([first.id]);
  const patched = await request.patch(`/api/v1/runs/${first.id}`, { headers: apiHeaders, data: { status: "finished", notes: "done" } });
  expect(await patched.json()).toMatchObject({ status: "finished", notes: "done", finishedAt: expect.any(String) });
  expect((await request.post(`/api/v1/runs/${first.id}/heartbeat`, { headers: apiHeaders })).status()).toBe(200);
});

test("[INGEST]: metric points with NaN and infinities are stored once; a re-send says unchanged", async ({ request, apiHeaders, uniqueName }) => {
  const run = await createRun(request, apiHeaders, uniqueName("flow-metrics"));
  const points = [
    { key: "train/loss", step: 0, value: 2.5, wallTime: 1_760_000_000 },
    { key: "train/loss", step: 1, value: "NaN" },
    { key: "train/grad_norm", step: 1, value: "Infinity" },
  ];
  const first = await request.post(`/api/v1/runs/${run.id}/metrics`, { headers: apiHeaders, data: { points } });
  expect(await first.json()).toEqual({ inserted: 3, unchanged: 0, updated: 0 });
  const again = await request.post(`/api/v1/runs/${run.id}/metrics`, { headers: apiHeaders, data: { points } });
  expect(await again.json()).toEqual({ inserted: 0, unchanged: 3, updated: 0 });
});

test("[INGEST]: an image is uploaded once, then samples with judgments reference it; judgments can come later", async ({ request, apiHeaders, uniqueName }) => {
  const name = uniqueName("flow-samples");
  const run = await createRun(request, apiHeaders, name);
  const image = await uniquePng(name);
  expect((await request.head(`/api/v1/blobs/${image.sha256}`, { headers: apiHeaders })).status()).toBe(404);
  const check = await request.post("/api/v1/blobs/check", { headers: apiHeaders, data: { sha256: [image.sha256] } });
  expect(await check.json()).toEqual({ missing: [image.sha256] });
  const put = await request.put(`/api/v1/blobs/${image.sha256}`, { headers: { ...apiHeaders, "content-type": "application/octet-stream" }, data: image.bytes });
  expect(put.status()).toBe(201);
  expect(await put.json()).toMatchObject({ sha256: image.sha256, mediaType: "image/png", width: 8, height: 8, created: true });
  expect((await request.put(`/api/v1/blobs/${image.sha256}`, { headers: apiHeaders, data: image.bytes })).status()).toBe(200);
  expect((await request.head(`/api/v1/blobs/${image.sha256}`, { headers: apiHeaders })).status()).toBe(200);

  const prompt = { externalId: `${name}/p0`, text: "a photo of a red bench", benchmark: "geneval", subtask: "color_attr" };
  const batch = {
    samples: [
      {
        step: 200,
        prompt,
        candidate: 0,
        imageSha256: image.sha256,
        judgments: [
          { kind: "self", verdict: 0, response: "The score is 0." },
          { kind: "external", judge: "geneval", verdict: 1 },
        ],
      },
      { step: 200, prompt: prompt.externalId, candidate: 1, judgments: [{ kind: "self", verdict: 1 }] },
    ],
  };
  const first = await (await request.post(`/api/v1/runs/${run.id}/samples`, { headers: apiHeaders, data: batch })).json();
  expect(first).toMatchObject({ samples: { inserted: 2 }, judgments: { inserted: 3 }, prompts: { inserted: 1 } });
  const again = await (await request.post(`/api/v1/runs/${run.id}/samples`, { headers: apiHeaders, data: batch })).json();
  expect(again).toMatchObject({ samples: { inserted: 0, unchanged: 2 }, judgments: { inserted: 0, unchanged: 3 }, sampleIds: first.sampleIds });

  const later = {
    judgments: [{ sample: { step: 200, prompt: prompt.externalId, candidate: 1 }, kind: "human", judge: "alice", verdict: 0, reason: "not red" }],
  };
  expect(await (await request.post(`/api/v1/runs/${run.id}/judgments`, { headers: apiHeaders, data: later })).json()).toEqual({
    inserted: 1,
    unchanged: 0,
    updated: 0,
  });
  expect(await (await request.post(`/api/v1/runs/${run.id}/judgments`, { headers: apiHeaders, data: later })).json()).toEqual({
    inserted: 0,
    unchanged: 1,
    updated: 0,
  });
});

test("[INGEST]: the OpenAPI document and the API page describe the endpoints", async ({ request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/api/v1/runs/{runId}/samples"].post.requestBody).toBeTruthy();
  const html = await (await request.get("/docs/api")).text();
  expect(html).toContain("Ingest API");
  expect(html).toContain("/api/v1/runs/{runId}/metrics");
});
