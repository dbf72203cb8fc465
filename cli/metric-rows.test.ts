import { describe, expect, it } from "vitest";

import { recordToPoints, splitCsvLine } from "./metric-rows";

describe("metric files", () => {
  it("reads long rows, wide rows, missing cells and non-finite values", () => {
    expect(recordToPoints({ key: "loss", step: "3", value: "nan", wall_time: "1700000000" }, "f:2")).toEqual([
      { key: "loss", step: 3, value: "NaN", wallTime: 1_700_000_000 },
    ]);
    expect(recordToPoints({ step: "4", "train/loss": "0.5", lr: "", grad: "-inf" }, "f:3")).toEqual([
      { key: "train/loss", step: 4, value: 0.5 },
      { key: "grad", step: 4, value: "-Infinity" },
    ]);
  });

  it("names the line and column of a bad cell", () => {
    expect(() => recordToPoints({ step: "1", loss: "oops" }, "h.csv:9")).toThrow('h.csv:9, loss: "oops" is not a number');
    expect(() => recordToPoints({ loss: "1" }, "h.csv:2")).toThrow("h.csv:2: no step");
  });

  it("splits quoted CSV cells", () => {
    expect(splitCsvLine('1,"a,b","say ""hi"""')).toEqual(["1", "a,b", 'say "hi"']);
  });
});
