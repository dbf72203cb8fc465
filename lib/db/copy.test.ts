import { describe, expect, it } from "vitest";

import { copyField } from "./copy";

describe("copyField", () => {
  it("writes COPY text: \\N for missing values, escaped separators, ISO dates, NaN as NaN", () => {
    expect([null, undefined].map(copyField)).toEqual(["\\N", "\\N"]);
    expect(copyField("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyField(new Date(Date.UTC(2026, 0, 2)))).toBe("2026-01-02T00:00:00.000Z");
    expect([Number.NaN, 1.5, 0, true].map(copyField)).toEqual(["NaN", "1.5", "0", "true"]);
  });
});
