import { expect, test } from "../support/fixtures";
import { createRun } from "../support/ingest";
import { EXPECTED, ingestPaperTableRuns, PAPER_BENCHMARK } from "../support/paper-table-data";

// GET /api/v1/paper-table over HTTP on both databases, from runs ingested through the API with
// known verdicts (e2e/support/paper-table-data.ts): the numbers, the three formats, the bounds.
type TCell = { value: number | null; n: number; text: string; interval: string | null; mark: string | null; isReference: boolean };
type TTable = {
  benchmark: string;
  columns: string[];
  caption: string;
  rows: { runId: string; runName: string; step: number | null; isBaseline: boolean; groups: Record<"gen" | "und" | "non", TCell>[] }[];
};

const texts = (row: TTable["rows"][number], i: number) => [row.groups[i]!.gen.text, row.groups[i]!.und.text, row.groups[i]!.non.text];

test("[PAPER-TABLE]: runs ingested through the API come back as the paper's table, in JSON, CSV and LaTeX", async ({ request, apiHeaders, uniqueName }) => {
  const { baseline, trained } = await ingestPaperTableRuns(request, apiHeaders, uniqueName("paper"));
  const path = `/api/v1/paper-table?runs=${baseline.id},${trained.id}&benchmark=${PAPER_BENCHMARK}`;
  const response = await request.get(path, { headers: apiHeaders });
  expect(response.status(), await response.text()).toBe(200);
  const table = (await response.json()) as TTable;
  expect(table.columns).toEqual(["color", "texture", "Overall"]);
  const [base, run] = table.rows;
  expect([base!.runId, base!.step, base!.isBaseline, run!.runId, run!.step]).toEqual([baseline.id, 0, true, trained.id, 100]);
  table.columns.forEach((column, i) => {
    expect(texts(base!, i), `baseline ${column}`).toEqual(EXPECTED.baseline[column as keyof typeof EXPECTED.baseline]);
    expect(texts(run!, i), `trained ${column}`).toEqual(EXPECTED.trained[column as keyof typeof EXPECTED.trained]);
  });
  expect(base!.groups.every((g) => g.und.isReference)).toBe(true);
  expect(run!.groups.map((g) => [g.und.n, g.und.mark])).toEqual([
    [1, "few-disagreements"],
    [2, "few-disagreements"],
    [3, "few-disagreements"],
  ]);
  // Four images a cell: every Gen and Non is low n too.
  expect(run!.groups[0]!.gen).toMatchObject({ n: 4, mark: "low-n" });
  expect(table.caption).toContain("blip-vqa");

  const csv = await request.get(`${path}&format=csv`, { headers: apiHeaders });
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toBe('attachment; filename="paper-table-t2i-compbench.csv"');
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines).toHaveLength(1 + 2 * 3 * 3);
  const overallUnd = lines.find((l) => l.startsWith(`${trained.id},${trained.name},100,false,t2i-compbench,Overall,und,`));
  // Value and n as the JSON has them; the bounds are the bootstrap's (or empty), the shown text the table's.
  expect(overallUnd).toMatch(/,Overall,und,0\.75,3,[\d.]*,[\d.]*,75\.00,few-disagreements$/);

  const latex = await request.get(`${path}&format=latex&intervals=1`, { headers: apiHeaders });
  expect(latex.headers()["content-type"]).toContain("application/x-tex");
  const tex = await latex.text();
  expect(tex).toMatch(/^\\documentclass\{article\}\n\\usepackage\{booktabs\}/);
  expect(tex).toContain("base\\_line \\#1 (step 0) & 50.00\\rlap{$^\\dagger$} & 50.00 & 25.00\\rlap{$^\\dagger$}");
  expect(tex).toContain("\\midrule\n");
  expect(tex).toContain("{\\scriptsize [");
});

test("[PAPER-TABLE]: a run may appear at several checkpoints, the first being the baseline", async ({ request, apiHeaders, uniqueName }) => {
  const { baseline, trained } = await ingestPaperTableRuns(request, apiHeaders, uniqueName("paper-steps"));
  const response = await request.get(`/api/v1/paper-table?runs=${baseline.id}@0,${trained.id}@100&benchmark=${PAPER_BENCHMARK}`, { headers: apiHeaders });
  expect(response.status()).toBe(200);
  const table = (await response.json()) as TTable;
  expect(table.rows.map((r) => r.step)).toEqual([0, 100]);
  const badStep = await request.get(`/api/v1/paper-table?runs=${baseline.id},${trained.id}@7&benchmark=${PAPER_BENCHMARK}`, { headers: apiHeaders });
  expect(badStep.status()).toBe(422);
  expect((await badStep.json()).error).toMatchObject({ code: "INVALID_INPUT", details: { field: "step" } });
});

test("[PAPER-TABLE]: a readable run without figures is an empty table, as its summary would be", async ({ request, apiHeaders, uniqueName }) => {
  const { baseline } = await ingestPaperTableRuns(request, apiHeaders, uniqueName("paper-empty"));
  const empty = await createRun(request, apiHeaders, uniqueName("paper-no-checkpoint"));
  for (const query of [`runs=${baseline.id}&benchmark=no-such-benchmark`, `runs=${empty.id},${baseline.id}&benchmark=${PAPER_BENCHMARK}`]) {
    const response = await request.get(`/api/v1/paper-table?${query}`, { headers: apiHeaders });
    expect(response.status(), query).toBe(200);
    const table = (await response.json()) as TTable & { state: string };
    expect(table.state, query).toBe("empty");
    expect(
      table.rows.every((r) => r.groups.every((g) => g.gen.text === "--" && g.non.text === "--")),
      query,
    ).toBe(true);
  }
});

test("[PAPER-TABLE]: unknown runs are 404, missing credentials 401, bad or unbounded queries 422", async ({ request, apiHeaders, uniqueName }) => {
  const { baseline } = await ingestPaperTableRuns(request, apiHeaders, uniqueName("paper-errors"));
  const missing = "00000000-0000-4000-8000-000000000000";
  const notFound = await request.get(`/api/v1/paper-table?runs=${baseline.id},${missing}&benchmark=${PAPER_BENCHMARK}`, { headers: apiHeaders });
  expect(notFound.status()).toBe(404);
  expect((await notFound.json()).error.code).toBe("NOT_FOUND");
  expect((await request.get(`/api/v1/paper-table?runs=${baseline.id}&benchmark=${PAPER_BENCHMARK}`)).status()).toBe(401);
  const many = Array.from({ length: 13 }, (_, i) => `${baseline.id}@${i}`).join(",");
  const cases: [string, string][] = [
    [`runs=${many}&benchmark=x`, "at most 12"],
    [`runs=${baseline.id},${baseline.id}&benchmark=x`, "repeats"],
    [`runs=not-a-run&benchmark=x`, "runs"],
    [`runs=${baseline.id}`, "benchmark"],
    [`runs=${baseline.id}&benchmark=${"x".repeat(201)}`, "benchmark"],
    [`runs=${baseline.id}&benchmark=${PAPER_BENCHMARK}&format=pdf`, "format"],
    [`runs=${baseline.id}&benchmark=${PAPER_BENCHMARK}&colour=red`, "colour"],
  ];
  for (const [query, needle] of cases) {
    const response = await request.get(`/api/v1/paper-table?${query}`, { headers: apiHeaders });
    expect(response.status(), query).toBe(422);
    const { error } = await response.json();
    expect(error.code, query).toBe("INVALID_INPUT");
    expect(JSON.stringify(error), query).toContain(needle);
  }
});
