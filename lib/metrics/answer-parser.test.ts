import { describe, expect, it } from "vitest";

import { parseSelfAnswer } from "./answer-parser";

describe("parsing the understanding branch's answer", () => {
  it.each([
    ["The score is 1.", 1, "score"],
    ["The score is 0.", 0, "score"],
    ["the score is: 1", 1, "score"],
    ["The score is **0**", 0, "score"],
    ["The score is 1.0", 1, "score"],
    ["Yes, the image shows a red bench.", 1, "yes-no"],
    ["No, there are three dogs, not two.", 0, "yes-no"],
    ["No. The score is 1.", 1, "score"],
  ] as const)("%j → %s", (raw, verdict, rule) => {
    expect(parseSelfAnswer(raw)).toEqual({ verdict, raw, rule });
  });

  it.each(["The score is 0.5.", "I think so.", "", "Nothing here says yes", "The score is 1. The score is 0.", "Yesterday it rained."])("%j is unparseable", (raw) => {
    expect(parseSelfAnswer(raw)).toEqual({ verdict: null, raw, rule: "unparseable" });
  });
});
