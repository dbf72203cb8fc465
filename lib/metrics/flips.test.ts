import { describe, expect, it } from "vitest";

import { findFlips, findPromptFlips } from "./flips";
import { majorityVerdict } from "./majority";

describe("flips across checkpoints", () => {
  it("lists the checkpoints where a verdict changes, skipping missing ones", () => {
    const series = [
      { step: 300, verdict: 1 as const },
      { step: 100, verdict: 0 as const },
      { step: 200, verdict: null },
      { step: 400, verdict: 1 as const },
      { step: 500, verdict: 0 as const },
    ];
    expect(findFlips(series)).toEqual([
      { fromStep: 100, toStep: 300, from: 0, to: 1 },
      { fromStep: 400, toStep: 500, from: 1, to: 0 },
    ]);
  });

  it("takes a prompt's verdict as its candidates' majority; a tie is no verdict", () => {
    expect(majorityVerdict([1, 1, 0, null])).toBe(1);
    expect(majorityVerdict([1, 0])).toBeNull();
    const flips = findPromptFlips([
      { promptId: "p", step: 1, verdict: 0 },
      { promptId: "p", step: 1, verdict: 0 },
      { promptId: "p", step: 2, verdict: 1 },
      { promptId: "p", step: 2, verdict: 0 },
      { promptId: "p", step: 3, verdict: 1 },
      { promptId: "q", step: 1, verdict: 1 },
    ]);
    expect(flips.get("p")).toEqual([{ fromStep: 1, toStep: 3, from: 0, to: 1 }]);
    expect(flips.get("q")).toEqual([]);
  });
});
