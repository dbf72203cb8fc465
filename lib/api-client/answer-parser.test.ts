import { describe, expect, it } from "vitest";

import { parseSelfAnswer } from "./answer-parser";

describe("parseSelfAnswer", () => {
  it.each([
    ["The score is 1.", 1],
    ["The score is 0.", 0],
    ["the score is: 1", 1],
    ["The score is {1}.", 1],
    ["The score is 1.0", 1],
    ["After looking closely, the score is 0 because the bench is blue.", 0],
    ["Yes, the image shows two dogs on a sofa.", 1],
    ["No, there is only one dog.", 0],
    ["  yes.", 1],
  ] as const)("%j → %s", (text, verdict) => {
    expect(parseSelfAnswer(text)).toBe(verdict);
  });

  it.each([[""], [null], ["I cannot tell."], ["The score is 5."], ["The score is 0.5"], ["The score is 1. Actually, the score is 0."], ["Nobody knows"]])(
    "%j is unparseable",
    (text) => {
      expect(parseSelfAnswer(text)).toBeNull();
    },
  );
});
