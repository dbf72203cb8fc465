import { describe, expect, it } from "vitest";

import { describeText, findUnstorableText, MAX_JSON_DEPTH } from "./text-guard";

describe("findUnstorableText", () => {
  it("accepts ordinary and unusual valid text", () => {
    expect(findUnstorableText({ name: "run 🧪 مرحبا e\u0301", tags: ["\t", "\u0007"], n: 1, ok: null })).toBeNull();
  });

  it("names the first NUL in a value, with its path", () => {
    expect(findUnstorableText({ a: "ok", samples: [{ prompt: { text: "x\u0000" } }] })).toEqual({
      path: "samples.0.prompt.text",
      message: expect.stringContaining("NUL character"),
    });
  });

  it("checks keys too", () => {
    expect(findUnstorableText({ config: { "k\u0000": 1 } })?.path).toBe("config.k\u0000");
  });

  it("refuses lone surrogates, high and low, but not pairs", () => {
    expect(describeText("a\ud800")).toContain("surrogate");
    expect(describeText("\udc00b")).toContain("surrogate");
    expect(describeText("\ud83e\uddea")).toBeNull();
  });

  it("bounds nesting without recursion (10,000 levels)", () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    const problem = findUnstorableText({ config: deep });
    expect(problem?.message).toContain(`deeper than ${MAX_JSON_DEPTH}`);
    expect(problem?.path.split(".").length).toBe(MAX_JSON_DEPTH + 1);
  });

  it("reports problems in document order", () => {
    expect(findUnstorableText(["fine", "\u0000", "\ud800"])?.path).toBe("1");
  });
});
