import type { APIRequestContext } from "@playwright/test";

import { ZCurriculum, ZFlips, ZSupervisionAudit } from "@/lib/api/contracts/analysis";
import { expect, test } from "../support/fixtures";

// The run analyses over HTTP, on both databases, against the demo project's simulated runs: the
// contract's shape, the demo's story in broad strokes (exact numbers are integration tests' job),
// and the errors. Runs are found by their exact names: other specs add runs to the demo project.
const RUNS = {
  baseline: "Janus-Pro-7B · pre-trained",
  sft: "Janus-Pro-7B · SFT on self-judged data",
  curriculum: "Janus-Pro-7B · curriculum SFT",
  poor: "Janus-Pro-7B · SFT with corrupted labels",
} as const;

async function runId(request: APIRequestContext, headers: Record<string, string>, name: string): Promise<string> {
  const response = await request.get(`/api/v1/runs?name=${encodeURIComponent(name)}`, { headers });
  expect(response.status()).toBe(200);
  const { runs } = (await response.json()) as { runs: { id: string }[] };
  expect(runs, name).toHaveLength(1);
  return runs[0]!.id;
}

async function read<T>(request: APIRequestContext, headers: Record<string, string>, path: string, schema: { parse: (v: unknown) => T }): Promise<T> {
  const response = await request.get(path, { headers });
  expect(response.status(), path).toBe(200);
  return schema.parse(await response.json());
}

test("[ANALYSIS]: the supervision audit finds the corrupted labels, with n and intervals", async ({ request, apiHeaders }) => {
  const sft = await read(request, apiHeaders, `/api/v1/runs/${await runId(request, apiHeaders, RUNS.sft)}/audit`, ZSupervisionAudit);
  const poor = await read(request, apiHeaders, `/api/v1/runs/${await runId(request, apiHeaders, RUNS.poor)}/audit`, ZSupervisionAudit);
  for (const audit of [sft, poor]) {
    expect(audit.judges).toEqual({ "t2i-compbench": "qwen2.5-vl-72b" });
    expect(audit.judge).toBe("qwen2.5-vl-72b");
    expect(audit.sftPrecision.n).toBeGreaterThan(30);
    expect(audit.sftPrecision.lo!).toBeLessThanOrEqual(audit.sftPrecision.value!);
    expect(audit.sftPrecision.hi!).toBeGreaterThanOrEqual(audit.sftPrecision.value!);
  }
  expect(poor.sftAtRisk).toBe(true);
  expect(poor.sftPrecision.hi!).toBeLessThan(sft.sftPrecision.lo!);
  const human = await read(request, apiHeaders, `/api/v1/runs/${sft.runId}/audit?judge=human&threshold=0.5`, ZSupervisionAudit);
  expect(human).toMatchObject({ judge: "human", judges: {}, threshold: 0.5 });
});

test("[ANALYSIS]: the curriculum pools prompts at construction and admits some at replay", async ({ request, apiHeaders }) => {
  const id = await runId(request, apiHeaders, RUNS.curriculum);
  const { rounds, passRates } = await read(request, apiHeaders, `/api/v1/runs/${id}/curriculum`, ZCurriculum);
  expect(rounds.length).toBeGreaterThan(1);
  expect(rounds[0]!.discarded).toBeGreaterThan(0);
  expect(rounds.slice(1).some((r) => r.admitted > 0)).toBe(true);
  for (const r of rounds) expect(r.poolAfter).toBe(r.poolBefore + r.discarded - r.admitted);
  expect(passRates.length).toBeGreaterThan(0);
  for (const p of passRates) expect(p.accepted).toBeLessThanOrEqual(p.candidates);
  // A run without replay rounds has one construction round at most.
  const sft = await read(request, apiHeaders, `/api/v1/runs/${await runId(request, apiHeaders, RUNS.sft)}/curriculum`, ZCurriculum);
  expect(sft.rounds.every((r) => r.admitted === 0)).toBe(true);
});

test("[ANALYSIS]: flips list prompts whose verdict changed between checkpoints", async ({ request, apiHeaders }) => {
  const id = await runId(request, apiHeaders, RUNS.sft);
  const { prompts } = await read(request, apiHeaders, `/api/v1/runs/${id}/flips`, ZFlips);
  expect(prompts.length).toBeGreaterThan(0);
  for (const { flips } of prompts) {
    for (const f of flips) {
      expect(f.fromStep).toBeLessThan(f.toStep);
      expect(f.from).not.toBe(f.to);
    }
  }
  const geneval = await read(request, apiHeaders, `/api/v1/runs/${id}/flips?benchmark=geneval`, ZFlips);
  expect(geneval.prompts.length).toBeLessThanOrEqual(prompts.length);
});

test("[ANALYSIS]: the summary scores each benchmark with its own external judge", async ({ request, apiHeaders }) => {
  const id = await runId(request, apiHeaders, RUNS.sft);
  const body = (await (await request.get(`/api/v1/runs/${id}/summary`, { headers: apiHeaders })).json()) as {
    externalJudge: string | null;
    externalJudges: Record<string, string>;
  };
  expect(body.externalJudges).toEqual({ geneval: "geneval", "t2i-compbench": "qwen2.5-vl-72b" });
  expect(body.externalJudge).toBeNull();
  const one = (await (await request.get(`/api/v1/runs/${id}/summary?externalJudge=geneval&benchmark=geneval`, { headers: apiHeaders })).json()) as {
    externalJudge: string;
    externalJudges: Record<string, string>;
  };
  expect(one).toMatchObject({ externalJudge: "geneval", externalJudges: { geneval: "geneval" } });
});

test("[ANALYSIS]: unknown runs are 404, missing credentials 401, bad parameters 422 naming them", async ({ request, apiHeaders }) => {
  for (const analysis of ["audit", "curriculum", "flips"]) {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-run"]) {
      const response = await request.get(`/api/v1/runs/${id}/${analysis}`, { headers: apiHeaders });
      expect(response.status(), `${analysis} ${id}`).toBe(404);
      expect((await response.json()).error.code).toBe("NOT_FOUND");
    }
    expect((await request.get(`/api/v1/runs/00000000-0000-4000-8000-000000000000/${analysis}`)).status()).toBe(401);
  }
  const id = await runId(request, apiHeaders, RUNS.baseline);
  const cases: [string, string][] = [
    ["audit?judge=nobody", "judge"],
    ["audit?threshold=2", "threshold"],
    ["audit?step=-1", "step"],
    [`curriculum?benchmark=${"x".repeat(201)}`, "benchmark"],
    ["flips?colour=red", ""],
  ];
  for (const [query, field] of cases) {
    const response = await request.get(`/api/v1/runs/${id}/${query}`, { headers: apiHeaders });
    expect(response.status(), query).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("INVALID_INPUT");
    expect(JSON.stringify(error), query).toContain(field);
  }
});
