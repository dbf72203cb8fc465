import { describe, expect, it } from "vitest";

import { parseSelfAnswer, parseSelfVerdict } from "./answer-parser";

describe("parsing the understanding branch's answer", () => {
  it.each([
    ["The score is 1.", 1, "score"],
    ["The score is 0.", 0, "score"],
    ["the score is: 1", 1, "score"],
    ["The score is **0**", 0, "score"],
    ["The score is {1}.", 1, "score"],
    ["The score is 1.0", 1, "score"],
    ["After looking closely, the score is 0 because the bench is blue.", 0, "score"],
    ["No. The score is 1.", 1, "score"],
    ["Yes, the image shows a red bench.", 1, "yes-no"],
    ["No, there are three dogs, not two.", 0, "yes-no"],
    ["  yes.", 1, "yes-no"],
    ["- No, only one dog.", 0, "yes-no"],
  ] as const)("%j → %s", (raw, verdict, rule) => {
    expect(parseSelfAnswer(raw)).toEqual({ verdict, raw, rule });
    expect(parseSelfVerdict(raw)).toBe(verdict);
  });

  it.each([
    "The score is 0.5.",
    "The score is 5.",
    "I think so.",
    "I cannot tell.",
    "",
    "Nothing here says yes",
    "Nobody knows",
    "The score is 1. The score is 0.",
    "The score is 1. Actually, the score is 0.",
    "Yesterday it rained.",
  ])("%j is unparseable", (raw) => {
    expect(parseSelfAnswer(raw)).toEqual({ verdict: null, raw, rule: "unparseable" });
    expect(parseSelfVerdict(raw)).toBeNull();
  });

  it("has no verdict for a missing answer", () => {
    expect(parseSelfVerdict(null)).toBeNull();
    expect(parseSelfVerdict(undefined)).toBeNull();
  });
});
