import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { pandasJson, rewritePrompt, writeGenevalFixture } from "./fixtures/geneval";
import { genevalImageCandidates, genevalToSamples, parseGenevalMetadataList } from "./geneval-format";

const METADATA = path.resolve("prisma/seed/data/geneval/evaluation_metadata.jsonl");
const shipped = parseGenevalMetadataList(fs.readFileSync(METADATA, "utf8"));
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "geneval-"));
const externalId = (s: { prompt: unknown }) => (s.prompt as { externalId: string }).externalId;

describe("GenEval results as its evaluator writes them", () => {
  it("reads pandas JSON lines (\\/ escapes, metadata as a JSON string, absolute foreign paths): prompt by folder index, canonical text and spec", async () => {
    const fixture = await writeGenevalFixture(tmp(), { metadataFile: METADATA, indices: [0, 80, 180, 452], perPrompt: 4 });
    const text = fs.readFileSync(fixture.resultsFile, "utf8");
    expect(text).toContain("\\/mnt\\/cluster");
    expect(text).toContain('"metadata":"{\\"tag\\": ');
    const samples = genevalToSamples(fixture.resultsFile, text, shipped, 100);
    expect(samples).toHaveLength(16);
    expect(samples.map(externalId)).toEqual(["00000", "00080", "00180", "00452"].flatMap((i) => Array(4).fill(`geneval/${i}`)));
    expect(samples.map((s) => s.candidate)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
    expect(samples[4]!.prompt).toEqual({
      externalId: "geneval/00080",
      text: shipped[80]!.prompt,
      benchmark: "geneval",
      subtask: shipped[80]!.tag,
      spec: shipped[80],
    });
    expect(samples[0]!.sourcePath).toBe("/mnt/cluster/home/researcher/geneval/outputs/00000/samples/00000.png");
    expect(samples.map((s) => s.judgments[0]!.verdict)).toEqual(fixture.lines.map((l) => (l.correct ? 1 : 0)));
    expect(samples.find((s) => s.judgments[0]!.verdict === 0)!.judgments[0]!.reason).toContain("\n");
  });

  it("identifies rewritten prompts by folder, keeps GenEval's text on the prompt and the generation text on the sample", async () => {
    const fixture = await writeGenevalFixture(tmp(), { metadataFile: METADATA, indices: [3, 200], perPrompt: 2, rewrite: true, digits: 4 });
    const samples = genevalToSamples(fixture.resultsFile, fs.readFileSync(fixture.resultsFile, "utf8"), shipped, 0);
    expect(samples.map((s) => (s.prompt as { text: string }).text)).toEqual([
      shipped[3]!.prompt,
      shipped[3]!.prompt,
      shipped[200]!.prompt,
      shipped[200]!.prompt,
    ]);
    expect(samples[0]!.generationPrompt).toBe(rewritePrompt(shipped[3]!.prompt));
    expect(samples.map((s) => s.candidate)).toEqual([0, 1, 0, 1]);
  });

  it("identifies a prompt by its metadata when the file name has no folder index", () => {
    const meta = { ...shipped[42]!, prompt: "a very long rewritten description" };
    const line = pandasJson({
      filename: "C:\\runs\\img_7.png",
      tag: meta.tag,
      prompt: meta.prompt,
      correct: true,
      reason: "",
      metadata: JSON.stringify(meta),
      details: "{}",
    });
    const [sample] = genevalToSamples("r.jsonl", line, shipped, 0);
    expect(externalId(sample!)).toBe("geneval/00042");
    expect((sample!.prompt as { text: string }).text).toBe(shipped[42]!.prompt);
  });

  it("takes the self judgment from self_verdict, or parses self_response", async () => {
    const responses = ["The score is 1.", "No, the bench is blue.", "hmm"];
    const fixture = await writeGenevalFixture(tmp(), {
      metadataFile: METADATA,
      indices: [5],
      perPrompt: 3,
      extra: (_i, k) => ({ self_response: responses[k] }),
    });
    const samples = genevalToSamples(fixture.resultsFile, fs.readFileSync(fixture.resultsFile, "utf8"), shipped, 0);
    expect(samples.map((s) => s.judgments[1])).toEqual([
      { kind: "self", verdict: 1, prob: null, response: "The score is 1." },
      { kind: "self", verdict: 0, prob: null, response: "No, the bench is blue." },
      { kind: "self", verdict: null, prob: null, response: "hmm" },
    ]);
  });

  it("names the first few offending lines and the count, never the line itself", () => {
    const good = pandasJson({ filename: "/x/00001/samples/0000.png", tag: shipped[1]!.tag, prompt: "p", correct: true, reason: "", metadata: "", details: "" });
    const huge = "y".repeat(50_000);
    const lines = [
      good,
      pandasJson({ filename: "/x/00001/samples/0001.png", tag: "unknown_tag", prompt: huge, correct: true }),
      "{",
      pandasJson({ filename: "/x/00001/samples/0000.png", tag: shipped[1]!.tag, prompt: "p", correct: true }),
      pandasJson({ filename: "/x/99999/samples/0000.png", tag: "colors", prompt: "p", correct: true }),
      pandasJson({ filename: "/x/00001/samples/0002.png", tag: shipped[1]!.tag, prompt: "p", correct: "yes" }),
      pandasJson({ filename: "/x/00001/samples/0003.png", tag: "counting", prompt: "p", correct: true }),
      pandasJson({ filename: "/x/00001/samples/0004.png", tag: "counting", prompt: "p", correct: true }),
    ];
    let message = "";
    try {
      genevalToSamples("results.jsonl", lines.join("\n"), shipped, 0);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^results.jsonl: 7 lines cannot be imported; nothing was imported/);
    expect(message).toContain('results.jsonl:2: unknown tag "unknown_tag"');
    expect(message).toContain("results.jsonl:3: not JSON");
    expect(message).toContain("results.jsonl:4: repeats image 0 of GenEval prompt 1 (first on line 1)");
    expect(message).toContain("results.jsonl:5: folder 99999 names no GenEval prompt");
    expect(message).toContain('results.jsonl:6: "correct" must be true or false, not "yes"');
    expect(message).toContain("… and 2 more");
    expect(message.length).toBeLessThan(2_000);
  });

  it("finds images under --images by ever shorter tails of a foreign path", () => {
    expect(genevalImageCandidates("/imgs", "/old/run/00012/samples/0003.png", path.join)).toEqual([
      "/imgs/old/run/00012/samples/0003.png",
      "/imgs/run/00012/samples/0003.png",
      "/imgs/00012/samples/0003.png",
    ]);
  });
});
