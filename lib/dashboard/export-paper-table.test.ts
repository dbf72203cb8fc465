import { describe, expect, it } from "vitest";

import { escapeLatex, paperTableCsv, paperTableLatex } from "./export-paper-table";
import { preparePaperTable } from "./prepare-paper-table";
import { checkpoint, measure, runSummary, subtask } from "./testing/summary-builders";
import type { TSummaryBundle } from "./types";

function bundle(): TSummaryBundle {
  const base = checkpoint(0, { subtasks: [subtask("color_attr", { gen: measure(0.4333, 300), non: measure(0.4333, 300) })] });
  const current = checkpoint(800, {
    subtasks: [
      subtask("color_attr", { gen: measure(0.5, 300), non: measure(0.31, 300), und: measure(0.75, 4) }),
      subtask("100%_new & {odd}", { gen: measure(null, 0) }),
    ],
  });
  return {
    runId: "r1",
    runName: "sft_run #2",
    summary: runSummary("r1", [current, base], { baseline: { runId: "r1", step: 0, runName: "janus_base" } }),
    baselineCheckpoint: base,
    baselineNote: null,
  };
}

describe("paper table", () => {
  const table = preparePaperTable(bundle(), undefined);

  it("defaults to the latest checkpoint, subtasks first, Overall last", () => {
    expect(table.step).toBe(800);
    expect(table.rows.map((r) => r.scope)).toEqual(["color_attr", "100%_new & {odd}", "Overall"]);
  });

  it("takes Overall deltas from the engine and per-subtask deltas from both intervals", () => {
    const [colorAttr, , overall] = table.rows;
    expect(colorAttr!.genDelta!.value).toBeCloseTo(0.0667, 4);
    expect(colorAttr!.genDelta!.lo).toBeLessThan(colorAttr!.genDelta!.value!);
    expect(overall!.genDelta).toEqual(bundle().summary.checkpoints[0]!.trend.deltaGen);
  });

  it("exports CSV with every figure's n and interval and empty cells for missing figures", () => {
    const csv = paperTableCsv(table);
    const [header, first, second] = csv.split("\r\n");
    expect(header!.split(",").slice(0, 6)).toEqual(["subtask", "gen_baseline", "gen_baseline_n", "gen_baseline_lo", "gen_baseline_hi", "gen_baseline_low_n"]);
    expect(first!.startsWith("color_attr,0.4333,300,")).toBe(true);
    expect(second!.startsWith("100%_new & {odd},,,,,,,0,,,true")).toBe(true);
  });

  it("exports LaTeX with escaped names, two decimals, signed deltas and daggers on low n", () => {
    const tex = paperTableLatex(table);
    expect(tex).toContain("sft\\_run \\#2 at step 800 against janus\\_base @ step 0");
    expect(tex).toContain("color\\_attr & 43.33 & 50.00 & +6.67 & 75.00$^\\dagger$ & 4 & 43.33 & 31.00 & $-$12.33 \\\\");
    expect(tex).toContain("100\\%\\_new \\& \\{odd\\} & -- & --");
    expect(tex).toMatch(/\\midrule\nOverall & /);
  });

  it("escapes every LaTeX special character", () => {
    expect(escapeLatex("a\\b~c^d")).toBe("a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d");
  });
});
