import path from "node:path";

import { describe, expect, it } from "vitest";

import { genevalImageCandidates, genevalToSamples, parseGenevalLine } from "./geneval-format";

const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    filename: "out/00012/samples/0003.png",
    tag: "color_attr",
    prompt: "a photo of a red bench",
    correct: false,
    reason: "wrong color",
    metadata: '{"include": [{"class": "bench"}]}',
    details: {},
    ...over,
  });

describe("GenEval results", () => {
  it("maps tag to subtask, correct to the geneval verdict, metadata to the spec, the file name to prompt and candidate", () => {
    const [sample] = genevalToSamples([parseGenevalLine(line(), 1)], 500);
    expect(sample).toEqual({
      step: 500,
      prompt: {
        externalId: "geneval/00012",
        text: "a photo of a red bench",
        benchmark: "geneval",
        subtask: "color_attr",
        spec: { include: [{ class: "bench" }] },
      },
      candidate: 3,
      imagePath: "out/00012/samples/0003.png",
      judgments: [{ kind: "external", judge: "geneval", verdict: 0, reason: "wrong color" }],
    });
  });

  it("takes the self judgment from self_verdict, or parses self_response when no verdict is given", () => {
    const parsed = genevalToSamples(
      [
        parseGenevalLine(line({ self_verdict: 1, self_prob: 0.8 }), 1),
        parseGenevalLine(line({ filename: "x/00012/samples/0004.png", self_response: "No, the bench is blue." }), 2),
        parseGenevalLine(line({ filename: "x/00012/samples/0005.png", self_response: "hmm" }), 3),
      ],
      0,
    );
    expect(parsed.map((s) => s.judgments[1])).toEqual([
      { kind: "self", verdict: 1, prob: 0.8, response: null },
      { kind: "self", verdict: 0, prob: null, response: "No, the bench is blue." },
      { kind: "self", verdict: null, prob: null, response: "hmm" },
    ]);
  });

  it("numbers candidates in order when the file name does not follow GenEval's layout", () => {
    const lines = [line({ filename: "a.png" }), line({ filename: "b.png" })].map((l, i) => parseGenevalLine(l, i));
    const samples = genevalToSamples(lines, 0);
    expect(samples.map((s) => s.candidate)).toEqual([0, 1]);
    expect((samples[0]!.prompt as { externalId: string }).externalId).toMatch(/^geneval\/[0-9a-f]{16}$/);
  });

  it("says which line is broken", () => {
    expect(() => parseGenevalLine("{", 7)).toThrow(/line 7: not JSON/);
    expect(() => parseGenevalLine(line({ correct: "yes" }), 8)).toThrow(/line 8: "correct"/);
  });

  it("finds images relative to --images, or by GenEval's folder tail", () => {
    expect(genevalImageCandidates("/imgs", "/old/run/00012/samples/0003.png", path.join)).toEqual([
      "/imgs/old/run/00012/samples/0003.png",
      "/imgs/00012/samples/0003.png",
    ]);
  });
});
