import { describe, expect, it } from "vitest";

import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and newlines", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("leaves missing values empty instead of writing 0", () => {
    expect(toCsv(["a", "b"], [[null, 0]])).toBe("a,b\r\n,0\r\n");
  });

  it("defuses spreadsheet formulas in text but not negative numbers", () => {
    expect(csvCell("=HYPERLINK()")).toBe("'=HYPERLINK()");
    expect(csvCell("-run")).toBe("'-run");
    expect(csvCell(-0.5)).toBe("-0.5");
  });

  it("keeps NaN visible rather than silently blank", () => {
    expect(csvCell(Number.NaN)).toBe("NaN");
  });
});
