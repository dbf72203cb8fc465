import { describe, expect, it } from "vitest";

import { prepareHeatmap } from "./prepare-heatmap";
import { checkpoint, measure, subtask } from "./testing/summary-builders";

describe("prepareHeatmap", () => {
  const checkpoints = [
    checkpoint(500, { subtasks: [subtask("color_attr", { non: measure(0.9, 300) }), subtask("position", { non: measure(0.2, 5) })] }),
    checkpoint(0, { subtasks: [subtask("color_attr", { non: measure(null, 0) })] }),
  ];
  const model = prepareHeatmap(checkpoints, "non", { slug: "demo", runId: "r1" });

  it("lays subtasks against checkpoints in step order", () => {
    expect(model.steps).toEqual([0, 500]);
    expect(model.rows.map((r) => r.subtask)).toEqual(["color_attr", "position", "Overall"]);
  });

  it("gives every cell its n and interval and links it to its samples", () => {
    const cell = model.rows[0]!.cells[1]!;
    expect(cell.title).toBe("color_attr at step 500: 90.0% [85.0, 95.0]%, n = 300");
    expect(cell.href).toBe("/p/demo/samples?run=r1&step=500&subtask=color_attr");
    expect(cell.textTone).toBe("light");
    expect(model.rows[2]!.cells[1]!.href).toBe("/p/demo/samples?run=r1&step=500");
  });

  it("shows a missing cell as missing, not as 0%", () => {
    expect(model.rows[0]!.cells[0]).toMatchObject({ value: null, label: "—", background: "transparent" });
    expect(model.rows[1]!.cells[0]!.title).toMatch(/not evaluated/);
  });

  it("draws low-n cells pale and says so", () => {
    const low = model.rows[1]!.cells[1]!;
    expect(low.lowN).toBe(true);
    expect(low.title).toMatch(/n = 5 \(low n\)/);
    expect(Number(low.background.match(/, ([\d.]+)\)$/)![1])).toBeLessThan(0.2);
  });
});
