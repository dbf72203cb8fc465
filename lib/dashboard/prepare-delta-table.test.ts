import { describe, expect, it } from "vitest";

import { prepareDeltaTable } from "./prepare-delta-table";
import { checkpoint, measure, runSummary, subtask } from "./testing/summary-builders";
import type { TSummaryBundle } from "./types";

function bundle(runId: string, subtasks: string[]): TSummaryBundle {
  const base = checkpoint(0, { subtasks: subtasks.map((s) => subtask(s, { gen: measure(0.5, 200) })) });
  const current = checkpoint(300, { subtasks: subtasks.map((s) => subtask(s, { gen: measure(0.6, 200) })) });
  return { runId, runName: runId, summary: runSummary(runId, [base, current]), baselineCheckpoint: base, baselineNote: null };
}

describe("prepareDeltaTable", () => {
  it("aligns subtasks across runs, Overall last, and leaves a subtask a run lacks empty", () => {
    const table = prepareDeltaTable([bundle("a", ["color_attr"]), bundle("b", ["color_attr", "counting"])], new Map());
    expect(table.rows.map((r) => r.scope)).toEqual(["color_attr", "counting", "Overall"]);
    expect(table.rows[1]!.cells[0]).toEqual({ genDelta: null, und: null, nonDelta: null });
    expect(table.rows[0]!.cells[1]!.genDelta).toMatchObject({ value: expect.closeTo(0.1), lo: expect.any(Number), hi: expect.any(Number) });
  });

  it("uses each run's chosen checkpoint, the latest by default", () => {
    const table = prepareDeltaTable([bundle("a", ["x"])], new Map(), new Map([["a", 0]]));
    expect(table.runs[0]!.step).toBe(0);
    expect(prepareDeltaTable([bundle("a", ["x"])], new Map()).runs[0]!.step).toBe(300);
  });
});
