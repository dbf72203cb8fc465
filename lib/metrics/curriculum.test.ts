import { describe, expect, it } from "vitest";

import { computeCurriculum } from "./curriculum";

describe("curriculum statistics", () => {
  it("pools prompts that nothing passed at construction and admits them when they pass at replay", () => {
    // N = 10. Construction (step 0): a 3/10, b 0/10, c 0/10, d 10/10 → pool {b, c}.
    // Replay 1 (step 10): b 2/10 admitted, c still 0 → pool {c}. Replay 2 (step 20): c 1/10 admitted.
    const rounds = computeCurriculum([
      { promptId: "a", step: 0, accepted: 3, candidates: 10 },
      { promptId: "b", step: 0, accepted: 0, candidates: 10 },
      { promptId: "c", step: 0, accepted: 0, candidates: 10 },
      { promptId: "d", step: 0, accepted: 10, candidates: 10 },
      { promptId: "b", step: 10, accepted: 2, candidates: 10 },
      { promptId: "c", step: 10, accepted: 0, candidates: 10 },
      { promptId: "c", step: 20, accepted: 1, candidates: 10 },
    ]);
    expect(rounds.map((r) => [r.step, r.prompts, r.poolBefore, r.discarded, r.admitted, r.poolAfter])).toEqual([
      [0, 4, 0, 2, 0, 2],
      [10, 2, 2, 0, 1, 1],
      [20, 1, 1, 0, 1, 0],
    ]);
    expect(rounds[0]!.passRateHistogram).toEqual([2, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    expect(rounds[0]!.meanPassRate).toBeCloseTo(0.325, 12);
  });

  it("adds up a prompt's candidates logged in several rows", () => {
    const [round] = computeCurriculum([
      { promptId: "a", step: 0, accepted: 0, candidates: 5 },
      { promptId: "a", step: 0, accepted: 1, candidates: 5 },
    ]);
    expect(round).toMatchObject({ prompts: 1, discarded: 0, meanPassRate: 0.1 });
  });
});
