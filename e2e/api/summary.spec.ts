import { expect, test } from "../support/fixtures";

// The run summary over HTTP, on both databases. The exact numbers are checked against hand-computed
// fixtures in lib/metrics/*.integration.test.ts; here: the contract's shape, auth and errors.
type TMeasure = { value: number | null; n: number; lo: number | null; hi: number | null; lowN: boolean };

function expectMeasure(m: TMeasure) {
  expect(Object.keys(m).sort()).toEqual(["hi", "lo", "lowN", "n", "value"]);
  expect(Number.isInteger(m.n) && m.n >= 0).toBe(true);
}

test("[SUMMARY]: a demo run's summary has the contract's shape, read with the project API key", async ({ request, apiHeaders }) => {
  const list = await request.get("/api/v1/runs", { headers: apiHeaders });
  expect(list.status()).toBe(200);
  const { runs } = (await list.json()) as { runs: { id: string; name: string }[] };
  expect(runs.length).toBeGreaterThan(0);
  for (const run of runs) {
    const response = await request.get(`/api/v1/runs/${run.id}/summary`, { headers: apiHeaders });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ runId: run.id, baseline: { runId: expect.any(String), step: expect.any(Number), runName: expect.any(String) } });
    expect(body.externalJudge === null || typeof body.externalJudge === "string").toBe(true);
    expect(Array.isArray(body.checkpoints)).toBe(true);
    for (const checkpoint of body.checkpoints) {
      for (const m of Object.values(checkpoint.overall)) expectMeasure(m as TMeasure);
      expect(["co-improvement", "co-degradation", "generation-only", "understanding-only", "trade-off", "inconclusive"]).toContain(checkpoint.trend.class);
    }
  }
});

test("[SUMMARY]: unknown or malformed runs are 404, missing credentials 401", async ({ request, apiHeaders }) => {
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-run"]) {
    const response = await request.get(`/api/v1/runs/${id}/summary`, { headers: apiHeaders });
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe("NOT_FOUND");
  }
  const anonymous = await request.get("/api/v1/runs/00000000-0000-4000-8000-000000000000/summary");
  expect(anonymous.status()).toBe(401);
  const badKey = await request.get("/api/v1/runs/00000000-0000-4000-8000-000000000000/summary", { headers: { authorization: "Bearer ugk_not-a-key" } });
  expect(badKey.status()).toBe(401);
});

test("[SUMMARY]: bad parameters are 422 naming the parameter", async ({ request, apiHeaders }) => {
  const { runs } = (await (await request.get("/api/v1/runs", { headers: apiHeaders })).json()) as { runs: { id: string }[] };
  const runId = runs[0]!.id;
  const cases: [string, string][] = [
    ["baselineStep=-1", "baselineStep"],
    ["baselineStep=abc", "baselineStep"],
    ["baselineStep=123456789", "baselineStep"],
    ["step=1.5", "step"],
    ["baseline=not-a-uuid", "baseline"],
    ["baseline=00000000-0000-4000-8000-000000000000", "baseline"],
    ["externalJudge=nobody", "externalJudge"],
    [`benchmark=${"x".repeat(201)}`, "benchmark"],
    ["colour=red", ""],
  ];
  for (const [query, field] of cases) {
    const response = await request.get(`/api/v1/runs/${runId}/summary?${query}`, { headers: apiHeaders });
    expect(response.status(), query).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("INVALID_INPUT");
    expect(JSON.stringify(error), query).toContain(field);
  }
});
