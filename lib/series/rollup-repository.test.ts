import { describe, expect, it } from "vitest";

import { toRanges } from "./rollup-repository";

describe("toRanges", () => {
  it("merges consecutive and repeated blocks per key", () => {
    const blocks = [5, 3, 4, 4, 9].map((block) => ({ key: "a", block })).concat([{ key: "b", block: 1 }]);
    expect(toRanges(blocks)).toEqual([
      { key: "a", lo: 3, hi: 5 },
      { key: "a", lo: 9, hi: 9 },
      { key: "b", lo: 1, hi: 1 },
    ]);
  });

  it("reads pairs as closed ranges when filling the next level", () => {
    expect(
      toRanges(
        [
          { key: "a", block: 0 },
          { key: "a", block: 2 },
          { key: "a", block: 3 },
          { key: "a", block: 3 },
        ],
        true,
      ),
    ).toEqual([{ key: "a", lo: 0, hi: 3 }]);
  });
});
