import { describe, expect, it } from "vitest";

import type { TListedSample } from "../lib/api/contracts/samples";

import { judgmentsFromRecords, parseResponse } from "./judgment-format";
import { indexSamples, matchOne } from "./sample-match";
import { scoresFromRecords } from "./score-format";

const sample = (id: string, prompt: string, candidate: number, sourcePath: string | null, over: Partial<TListedSample> = {}): TListedSample => ({
  id,
  step: 0,
  prompt,
  candidate,
  benchmark: "t2i-compbench",
  subtask: "texture",
  role: "eval",
  sourcePath,
  ...over,
});

const SAMPLES = [
  sample("1", "t2i-compbench/texture/0000", 0, "samples/a wooden table_000000.png"),
  sample("2", "t2i-compbench/texture/0000", 1, "samples/a wooden table_000001.png"),
  sample("3", "geneval/00012", 3, "/mnt/cluster/out/00012/samples/00003.png", { benchmark: "geneval", subtask: "colors" }),
];
const records = (...rs: Record<string, unknown>[]) => rs.map((record, i) => ({ line: i + 1, record }));

describe("joining a file's lines to the run's images", () => {
  it("matches paths segment by segment, either way round, and needs exactly one image", () => {
    const index = indexSamples(SAMPLES);
    expect(matchOne(index, { filename: "texture/samples/a wooden table_000001.png" })?.id).toBe("2");
    expect(matchOne(index, { filename: "/home/me/results/texture/samples/a wooden table_000000.png" })?.id).toBe("1");
    expect(matchOne(index, { filename: "00012/samples/00003.png" })?.id).toBe("3");
    expect(matchOne(index, { filename: "out\\00012\\samples\\00003.png" })?.id).toBe("3");
    // Two absolute paths with different roots: neither ends with the other.
    expect(matchOne(index, { filename: "C:\\copy\\out\\00012\\samples\\00003.png" })).toBeNull();
    // "table_000001.png" is not a whole segment of the stored name.
    expect(matchOne(index, { filename: "table_000001.png" })).toBeNull();
    expect(matchOne(index, { filename: "other/00012/samples/00003.png" })).toBeNull();
    expect(matchOne(index, { promptId: "geneval/00012", candidate: 3 })?.id).toBe("3");
    expect(matchOne(index, { promptId: "12", candidate: 3 })?.id).toBe("3");
    const twice = indexSamples([...SAMPLES, sample("4", "x", 0, "color/samples/a wooden table_000000.png")]);
    expect(() => matchOne(twice, { filename: "a wooden table_000000.png" })).toThrow(/matches 2 images/);
  });
});

describe("judgment files", () => {
  it.each([
    ["The score is 1.", 1],
    ["Yes, the table is wooden.", 1],
    ["No, it is made of glass.", 0],
    ["Final answer: \\boxed{1}", 1],
    ["\\boxed{0}", 0],
    ['{"label": 1}', 1],
    ['```json\n{"label": 0, "why": "glass"}\n```', 0],
    ["I am not sure.", null],
    ["\\boxed{1} or \\boxed{0}", null],
  ] as const)("%j → %s", (raw, verdict) => expect(parseResponse(raw)).toBe(verdict));

  it("reads a reflect-style self file (prompt, filename, correct, reason) and keeps unparseable text", () => {
    const parsed = judgmentsFromRecords(
      "self.jsonl",
      records(
        { prompt: "a wooden table", filename: "texture/samples/a wooden table_000000.png", correct: true, reason: "looks right" },
        { filename: "texture/samples/a wooden table_000001.png", response: "hmm, hard to say" },
        { prompt_id: "geneval/00012", candidate: 3, response: "The score is 0.", prob: 0.2 },
      ),
      SAMPLES,
      { kind: "self", judgeStep: 500 },
    );
    expect(parsed.unparseable).toBe(1);
    expect(parsed.judgments).toEqual([
      { sample: { id: "1" }, kind: "self", judgeStep: 500, verdict: 1, prob: null, score: null, response: null, reason: "looks right" },
      { sample: { id: "2" }, kind: "self", judgeStep: 500, verdict: null, prob: null, score: null, response: "hmm, hard to say", reason: null },
      { sample: { id: "3" }, kind: "self", judgeStep: 500, verdict: 0, prob: 0.2, score: null, response: "The score is 0.", reason: null },
    ]);
  });

  it("--onto-run: the judging run's checkpoint on the baseline's images", () => {
    const { judgments } = judgmentsFromRecords("f", records({ filename: "samples/a wooden table_000000.png", verdict: 0 }), SAMPLES, {
      kind: "self",
      judgeRunId: "run-b",
      judgeStep: 900,
    });
    expect(judgments[0]).toMatchObject({ kind: "self", judgeRunId: "run-b", judgeStep: 900, verdict: 0 });
    expect(judgments[0]).not.toHaveProperty("judge");
  });

  it("lists unmatched lines, refuses duplicates and bad values with their line", () => {
    const { unmatched } = judgmentsFromRecords(
      "f",
      records({ filename: "nope.png", verdict: 1 }, { filename: "samples/a wooden table_000000.png", verdict: 1 }),
      SAMPLES,
      {
        kind: "external",
        judge: "qwen",
      },
    );
    expect(unmatched).toEqual([{ line: 1, message: 'filename "nope.png" is no image of the run at this step' }]);
    expect(() =>
      judgmentsFromRecords(
        "j.jsonl",
        records(
          { filename: "samples/a wooden table_000000.png", verdict: 1 },
          { filename: "samples/a wooden table_000000.png", verdict: 0 },
          { filename: "samples/a wooden table_000001.png", verdict: "maybe" },
        ),
        SAMPLES,
        { kind: "external", judge: "qwen" },
      ),
    ).toThrow(/j.jsonl: 2 lines cannot be imported[\s\S]*j.jsonl:2: judges the same image as line 1[\s\S]*j.jsonl:3: "verdict" "maybe"/);
  });
});

describe("score files", () => {
  const opts = { judge: "sciscore", benchmark: "t2i-compbench", scoreColumn: "score", missing: [] as string[] };

  it("stores one score per image; sentinels are refused with their line unless mapped", () => {
    const ok = scoresFromRecords("s.csv", records({ filename: "samples/a wooden table_000000.png", score: "0.75", verdict: "1" }), SAMPLES, opts);
    expect(ok.judgments).toEqual([{ sample: { id: "1" }, kind: "external", judge: "sciscore", verdict: 1, score: 0.75, reason: null }]);
    for (const sentinel of ["999", "9.9", "NaN", "nan"]) {
      expect(() => scoresFromRecords("s.csv", records({ filename: "samples/a wooden table_000000.png", score: sentinel }), SAMPLES, opts)).toThrow(
        /s.csv:1: "score"/,
      );
    }
    const mapped = scoresFromRecords("w.jsonl", records({ prompt_id: "t2i-compbench/texture/0000", candidate: 1, score: 999 }), SAMPLES, {
      ...opts,
      missing: ["999"],
    });
    expect(mapped.missing).toBe(1);
    expect(mapped.judgments[0]).toMatchObject({ score: null, reason: "missing value 999 in w.jsonl" });
  });

  it("checks the subtask column against the images and counts only the benchmark's images", () => {
    expect(() =>
      scoresFromRecords("s.csv", records({ filename: "samples/a wooden table_000000.png", score: 1, cat: "color" }), SAMPLES, {
        ...opts,
        subtaskColumn: "cat",
      }),
    ).toThrow(/subtask "color" but the image .* is of subtask "texture"/);
    const { unmatched } = scoresFromRecords("s.csv", records({ filename: "00012/samples/00003.png", score: 1 }), SAMPLES, opts);
    expect(unmatched).toHaveLength(1);
  });
});
