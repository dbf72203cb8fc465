import type { APIRequestContext } from "@playwright/test";

import { createRun } from "./ingest";

// A baseline and one trained run, ingested through the API with hand-picked verdicts so that every
// cell of their paper table is known (T2I-CompBench's color and texture, four prompts each):
//
//                 color: Gen  Und     Non   texture: Gen  Und    Non   Overall: Gen  Und    Non
//   baseline @ 0         50.00 50.00  25.00          25.00 50.00 50.00          37.50 50.00  37.50
//   trained @ 100        75.00 100.00† 25.00         50.00 50.00† 75.00         62.50 75.00† 50.00
//
// Und: the trained checkpoint's own judge on the baseline's images; color rests on 1 disagreement
// (a win), texture on 2 (one win, one loss).

export const PAPER_BENCHMARK = "t2i-compbench";
const JUDGE = "blip-vqa";

type TVerdict = 0 | 1;
type TSubtaskData = { external: TVerdict[]; self: TVerdict[] };

const BASELINE: Record<string, TSubtaskData> = {
  color: { external: [1, 1, 0, 0], self: [1, 1, 1, 0] },
  texture: { external: [1, 0, 0, 0], self: [1, 1, 0, 0] },
};
const TRAINED: Record<string, TSubtaskData> = {
  color: { external: [1, 1, 1, 0], self: [1, 1, 1, 0] },
  texture: { external: [1, 1, 0, 0], self: [1, 0, 0, 0] },
};
/** The trained checkpoint's verdicts on the baseline's images. */
const TRAINED_ON_BASELINE: Record<string, TVerdict[]> = { color: [1, 1, 0, 0], texture: [1, 0, 1, 0] };

export const EXPECTED = {
  baseline: { color: ["50.00", "50.00", "25.00"], texture: ["25.00", "50.00", "50.00"], Overall: ["37.50", "50.00", "37.50"] },
  trained: { color: ["75.00", "100.00", "25.00"], texture: ["50.00", "50.00", "75.00"], Overall: ["62.50", "75.00", "50.00"] },
} as const;

function prompt(name: string, subtask: string, i: number) {
  return { externalId: `${name}/${subtask}/${i}`, text: `a ${subtask} prompt ${i} of ${name}`, benchmark: PAPER_BENCHMARK, subtask };
}

async function post(request: APIRequestContext, headers: Record<string, string>, path: string, data: unknown) {
  const response = await request.post(path, { headers, data });
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
}

function samples(name: string, step: number, data: Record<string, TSubtaskData>) {
  return Object.entries(data).flatMap(([subtask, d]) =>
    d.external.map((external, i) => ({
      step,
      prompt: prompt(name, subtask, i),
      judgments: [
        { kind: "self", verdict: d.self[i] },
        { kind: "external", judge: JUDGE, verdict: external },
      ],
    })),
  );
}

/** Ingests the two runs of the table above; `name` keeps their prompts and names apart from other tests'. */
export async function ingestPaperTableRuns(request: APIRequestContext, headers: Record<string, string>, name: string) {
  const baseline = await createRun(request, headers, `${name} base_line #1`, { method: "baseline" });
  const trained = await createRun(request, headers, `${name} trained`, { method: "sft", baselineRunId: baseline.id, baselineStep: 0 });
  await post(request, headers, `/api/v1/runs/${baseline.id}/samples`, { samples: samples(name, 0, BASELINE) });
  await post(request, headers, `/api/v1/runs/${trained.id}/samples`, { samples: samples(name, 100, TRAINED) });
  const judgments = Object.entries(TRAINED_ON_BASELINE).flatMap(([subtask, verdicts]) =>
    verdicts.map((verdict, i) => ({
      sample: { step: 0, prompt: `${name}/${subtask}/${i}`, candidate: 0 },
      kind: "self",
      judgeRunId: trained.id,
      judgeStep: 100,
      verdict,
    })),
  );
  await post(request, headers, `/api/v1/runs/${baseline.id}/judgments`, { judgments });
  return { baseline, trained };
}
