import { describe, expect, it } from "vitest";

import { proportionMeasure } from "@/lib/metrics/measure";
import type { TCheckpointSummary } from "@/lib/metrics/summary-types";

import { escapeLatex, paperTableCsv, paperTableLatex } from "./export-paper-table";
import { preparePaperTable, type TPaperRowInput } from "./prepare-paper-table";
import { checkpoint, measure, subtask } from "./testing/summary-builders";

// T2I-CompBench++'s six categories. The Non counts are out of 300 prompts each and give the six
// subtask values of the paper's worked example (docs/metrics.md#overall):
// 43.33, 43.00, 27.33, 31.00, 2.33, 10.33 → Overall 26.22.
const T2I = ["complex", "color", "shape", "texture", "spatial", "non_spatial"] as const;
const NON_REJECTIONS: Record<(typeof T2I)[number], number> = { color: 130, shape: 129, texture: 82, spatial: 93, non_spatial: 7, complex: 31 };

function t2iCheckpoint(step: number, und: { wins: number; disagreements: number }): TCheckpointSummary {
  return checkpoint(step, {
    subtasks: T2I.map((name) =>
      subtask(name, {
        benchmark: "t2i-compbench",
        gen: measure(0.5 + NON_REJECTIONS[name] / 1000, 300),
        non: proportionMeasure(NON_REJECTIONS[name], 300),
        und: proportionMeasure(und.wins, und.disagreements, 10),
      }),
    ),
    // What the engine reports for the same checkpoint: Overall = the unweighted mean, with a bootstrap interval.
    overall: {
      gen: measure(0.5 + 472 / 6000, 1800, { lo: 0.55, hi: 0.6 }),
      und: measure(und.disagreements ? und.wins / und.disagreements : 0.5, und.disagreements * 6, { lowN: und.disagreements * 6 < 10 }),
      non: measure(472 / 1800, 1800, { lo: 0.24, hi: 0.285 }),
      nonPooled: measure(472 / 1800, 1800),
    },
  });
}

function rows(): TPaperRowInput[] {
  return [
    { runId: "r-base", runName: "Janus-Pro-7B", checkpoint: t2iCheckpoint(0, { wins: 0, disagreements: 0 }), externalJudge: "blip-vqa" },
    { runId: "r-sft", runName: "sft_run #2", checkpoint: t2iCheckpoint(800, { wins: 2, disagreements: 3 }), externalJudge: "blip-vqa" },
  ];
}

const table = preparePaperTable({ benchmark: "t2i-compbench", rows: rows(), checkpointRule: "Each run at its latest checkpoint." });

describe("the paper table", () => {
  it("reproduces the paper's arithmetic: Janus-Pro-7B on T2I-CompBench++, Overall Non 26.22 from its six subtasks", () => {
    const base = table.rows[0]!;
    expect(base.groups.map((g) => g.non.text)).toEqual(["43.33", "43.00", "27.33", "31.00", "2.33", "10.33", "26.22"]);
  });

  it("puts the subtasks in the benchmark's own order, Overall last, the baseline first", () => {
    expect(table.columns).toEqual(["color", "shape", "texture", "spatial", "non_spatial", "complex", "Overall"]);
    expect(table.rows.map((r) => [r.runName, r.step, r.isBaseline])).toEqual([
      ["Janus-Pro-7B", 0, true],
      ["sft_run #2", 800, false],
    ]);
  });

  it("shows the baseline's Und as 50.00 by definition, unmarked, and marks every Und on fewer than 10 disagreements", () => {
    const [base, sft] = table.rows;
    expect(base!.groups.every((g) => g.und.text === "50.00" && g.und.isReference && g.und.mark === null)).toBe(true);
    expect(sft!.groups[0]!.und).toMatchObject({ text: "66.67", n: 3, mark: "few-disagreements", isReference: false });
    expect(sft!.groups[6]!.und).toMatchObject({ text: "66.67", n: 18, mark: null });
  });

  it("marks a cell with n below the low-n threshold and leaves a missing cell empty, never 0", () => {
    const thin = t2iCheckpoint(800, { wins: 9, disagreements: 12 });
    thin.subtasks[1] = subtask("color", {
      benchmark: "t2i-compbench",
      gen: proportionMeasure(20, 29),
      non: measure(null, 0),
      und: proportionMeasure(9, 12, 10),
    });
    const t = preparePaperTable({ benchmark: "t2i-compbench", rows: [rows()[0]!, { ...rows()[1]!, checkpoint: thin }], checkpointRule: "" });
    const color = t.rows[1]!.groups[0]!;
    expect(color.gen).toMatchObject({ text: "68.97", mark: "low-n" });
    expect(color.non).toMatchObject({ value: null, text: "--", mark: null });
    expect(color.und).toMatchObject({ text: "75.00", mark: null });
    // Overall Non is then the mean of the five subtasks that have one, said beside the row, with no engine interval.
    expect(t.rows[1]!.groups[6]!.non).toMatchObject({ text: ((472 - 130) / 1500 / 0.01).toFixed(2), interval: null });
  });

  it("takes Overall's interval from the engine's bootstrap when the engine averaged the same subtasks", () => {
    expect(table.rows[0]!.groups[6]!.non.interval).toBe("[24.00, 28.50]");
    expect(table.rows[0]!.groups[0]!.non.interval).toMatch(/^\[\d+\.\d\d, \d+\.\d\d\]$/);
  });

  it("ignores other benchmarks' subtasks and drops the engine's Overall interval when it averaged them too", () => {
    const mixed = t2iCheckpoint(0, { wins: 0, disagreements: 0 });
    mixed.subtasks.push(subtask("counting", { benchmark: "geneval", non: measure(0.9, 300) }));
    const t = preparePaperTable({ benchmark: "t2i-compbench", rows: [{ ...rows()[0]!, checkpoint: mixed }], checkpointRule: "" });
    expect(t.columns).not.toContain("counting");
    expect(t.rows[0]!.groups[6]!.non).toMatchObject({ text: "26.22", interval: null });
  });

  it("is empty when no row has a checkpoint on the benchmark", () => {
    const t = preparePaperTable({ benchmark: "geneval", rows: [{ ...rows()[0]!, checkpoint: null }], checkpointRule: "" });
    expect(t.state).toBe("empty");
    expect(t.columns).toEqual(["Overall"]);
  });
});

describe("the paper table as CSV", () => {
  const csv = paperTableCsv(table).split("\r\n");

  it("has one line per run × column × measure, fractions at full precision and the shown text", () => {
    expect(csv[0]).toBe("run_id,run,step,is_baseline,benchmark,subtask,measure,value,n,lo,hi,shown,mark");
    expect(csv.filter(Boolean)).toHaveLength(1 + 2 * 7 * 3);
    expect(csv[1]).toBe("r-base,Janus-Pro-7B,0,true,t2i-compbench,color,gen,0.63,300,0.58,0.68,63.00,");
    expect(csv[2]).toBe("r-base,Janus-Pro-7B,0,true,t2i-compbench,color,und,0.5,0,,,50.00,reference");
    expect(csv.find((l) => l.startsWith("r-sft,sft_run #2,800,false,t2i-compbench,color,und,"))).toMatch(
      /,0\.6666666666666666,3,[\d.]+,[\d.]+,66\.67,few-disagreements$/,
    );
    expect(csv.find((l) => l.includes(",Overall,non,"))).toMatch(/^r-base,.*,0\.262222222222222\d*,1800,0\.24,0\.285,26\.22,$/);
  });
});

describe("the paper table as LaTeX", () => {
  const tex = paperTableLatex(table);

  it("is a standalone booktabs document with one group of three columns per subtask and Overall", () => {
    expect(tex.startsWith("\\documentclass{article}\n\\usepackage{booktabs}\n")).toBe(true);
    expect(tex.trimEnd().endsWith("\\end{document}")).toBe(true);
    expect(tex).toContain(`\\begin{tabular}{@{}l${" rrr".repeat(7)}@{}}`);
    const order = [
      "\\toprule",
      "\\multicolumn{3}{c}{color}",
      "\\cmidrule(lr){2-4}",
      "\\cmidrule(lr){20-22}",
      "Model & Gen$\\uparrow$",
      "\\midrule",
      "Janus-Pro-7B (step 0)",
      "\\midrule\nsft\\_run \\#2 (step 800)",
      "\\bottomrule",
      "\\end{tabular}",
    ];
    const positions = order.map((s) => tex.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(tex).toContain("\\multicolumn{3}{c}{non\\_spatial}");
    // Every run's row and the measures' header have 1 + 3 × 7 cells; braces and environments balance.
    const lines = tex.split("\n").filter((l) => l.includes("(step ") || l.startsWith("Model & "));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.split(" & ")).toHaveLength(22);
    expect(tex.split("{").length).toBe(tex.split("}").length);
    expect(tex.match(/\\begin\{/g)).toHaveLength(tex.match(/\\end\{/g)!.length);
  });

  it("prints two decimals, the Overall 26.22, 50.00 for the baseline's Und and a dagger on few disagreements", () => {
    expect(tex).toContain("Janus-Pro-7B (step 0) & 63.00 & 50.00 & 43.33 & ");
    expect(tex).toMatch(/ & 26\.22 \\\\\n\\midrule/);
    expect(tex).toContain("66.67\\rlap{$^\\dagger$}");
    expect(tex).toContain("Gen, Und and Non (\\%) on t2i-compbench; external judge blip-vqa.");
    expect(tex).toContain("$^\\dagger$ marks a rate");
  });

  it("adds a line of 95% intervals under each run when asked", () => {
    const withIntervals = paperTableLatex(table, { intervals: true });
    expect(withIntervals).toMatch(/Janus-Pro-7B \(step 0\) & .* \\\\\n & \{\\scriptsize \[\d+\.\d\d, \d+\.\d\d\]\} & {2}& /);
    expect(withIntervals.split("\n").filter((l) => l.endsWith("\\\\"))).toHaveLength(2 + 2 * 2);
  });

  it("escapes _ & % # and the other special characters in names", () => {
    expect(escapeLatex("a_b & 100% #1 $x$ {y} ~^\\")).toBe("a\\_b \\& 100\\% \\#1 \\$x\\$ \\{y\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}");
    const odd = preparePaperTable({ benchmark: "t2i-compbench", rows: [{ ...rows()[0]!, runName: "run_1 & 50% #x" }], checkpointRule: "" });
    expect(paperTableLatex(odd)).toContain("run\\_1 \\& 50\\% \\#x (step 0) & ");
  });
});
