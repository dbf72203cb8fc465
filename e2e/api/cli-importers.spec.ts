import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { writeGenevalFixture } from "../../cli/fixtures/geneval";
import { writeCompBenchFolder } from "../../cli/fixtures/t2i-compbench";
import { expect, test } from "../support/fixtures";
import { runProcess } from "../support/spawn";

// The evaluation pipelines' own files through the `unigap` bin against the live server (both
// databases): fixtures are written by the tests in the real layouts from the shipped prompt lists,
// and the summary's numbers are recomputed here from those files.
const PROMPTS = path.resolve("prisma/seed/data/t2i-compbench");
const METADATA = path.resolve("prisma/seed/data/geneval/evaluation_metadata.jsonl");
const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), `unigap-${p}-`));
const unit = (seed: string) => createHash("sha256").update(seed).digest().readUInt32BE(0) / 2 ** 32;
const jsonl = (file: string, rows: readonly unknown[]) => fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");

type TMeasure = { value: number | null; n: number };
type TSummary = {
  externalJudges: Record<string, string>;
  checkpoints: { step: number; subtasks: { subtask: string; benchmark: string; gen: TMeasure; und: TMeasure; non: TMeasure; unparseable: number }[] }[];
};

test.describe.configure({ timeout: 240_000 });

test.describe("[CLI importers]", () => {
  let env: Record<string, string>;
  test.beforeEach(({ apiHeaders }, testInfo) => {
    env = { UNIGAP_URL: String(testInfo.project.use.baseURL), UNIGAP_API_KEY: apiHeaders.authorization!.slice("Bearer ".length) };
  });
  const cli = async (...args: string[]) => {
    const r = await runProcess("node", ["bin/unigap.mjs", "--json", ...args], env);
    return { ...r, json: r.code === 0 ? JSON.parse(r.stdout) : null };
  };
  const ok = async (...args: string[]) => {
    const r = await cli(...args);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    return r.json as Record<string, unknown> & { runId: string };
  };

  test("T2I-CompBench: each category's own metric is Gen, the means are reproduced, both keyings and truncated names, twice adds nothing", async ({
    request,
    apiHeaders,
    uniqueName,
  }) => {
    const run = uniqueName("t2i");
    const root = tmp("t2i");
    const complex = await writeCompBenchFolder(path.join(root, "complex"), {
      category: "complex",
      prompts: 5,
      perPrompt: 2,
      layout: "upstream",
      promptsDir: PROMPTS,
      seed: run,
    });
    const spatial = await writeCompBenchFolder(path.join(root, "spatial"), {
      category: "spatial",
      prompts: 6,
      perPrompt: 2,
      layout: "upstream",
      promptsDir: PROMPTS,
      seed: run,
    });
    const color = await writeCompBenchFolder(path.join(root, "color"), {
      category: "color",
      prompts: 6,
      perPrompt: 1,
      layout: "fork",
      promptsDir: PROMPTS,
      seed: run,
    });
    // The color summary disagrees with its file: reported, not hidden.
    fs.writeFileSync(path.join(root, "color", "annotation_blip", "blip_vqa_score.txt"), "BLIP-VQA score:0.9");

    const c = await ok("import", "t2i-compbench", path.join(root, "complex"), "--category", "complex", "--run", run, "--step", "0");
    expect(c).toMatchObject({ judge: "3-in-1", samples: 10, judgments: 40, images: 10, summary: { agrees: true } });
    expect((c.furtherJudges as string[]).sort()).toEqual(["blip-vqa", "clipscore", "unidet"]);
    expect(await ok("import", "t2i-compbench", path.join(root, "spatial"), "--category", "spatial", "--run", run, "--step", "0")).toMatchObject({
      judge: "unidet",
      samples: 12,
    });
    const col = await ok("import", "t2i-compbench", path.join(root, "color"), "--category", "color", "--run", run, "--step", "0", "--no-images");
    expect(col).toMatchObject({ judge: "blip-vqa", samples: 6, images: 0, summary: { agrees: false, stated: 0.9 } });
    const again = await ok("import", "t2i-compbench", path.join(root, "complex"), "--category", "complex", "--run", run, "--step", "0");
    expect(again).toMatchObject({ samples: 0, judgments: 0, images: 0, unchanged: { samples: 10, judgments: 40 } });

    // Self verdicts on the complex images, by path from another machine: Non reproduced.
    const selfVerdicts = complex.files.map((f) => (unit(`${run}/self/${f}`) < 0.4 ? 0 : 1));
    const selfFile = path.join(root, "self.jsonl");
    jsonl(
      selfFile,
      complex.files.map((f, i) => ({ prompt: complex.promptTexts[i], filename: `complex/samples/${f}`, correct: selfVerdicts[i] === 1 })),
    );
    expect(await ok("import", "judgments", selfFile, "--run", run, "--step", "0", "--kind", "self")).toMatchObject({ judgments: 10 });

    const summary = (await (await request.get(`/api/v1/runs/${c.runId}/summary`, { headers: apiHeaders })).json()) as TSummary;
    expect(summary.externalJudges).toMatchObject({ "t2i-compbench/complex": "3-in-1", "t2i-compbench/spatial": "unidet", "t2i-compbench/color": "blip-vqa" });
    const cell = (subtask: string) => summary.checkpoints[0]!.subtasks.find((s) => s.subtask === subtask)!;
    expect(cell("complex").gen.value).toBeCloseTo(complex.mean, 12);
    expect(cell("spatial").gen.value).toBeCloseTo(spatial.mean, 12);
    expect(cell("color").gen.value).toBeCloseTo(color.mean, 12);
    expect(cell("complex").gen.n).toBe(10);
    expect(cell("complex").non.value).toBeCloseTo(selfVerdicts.filter((v) => v === 0).length / 10, 12);
  });

  test("T2I-CompBench: long prompts cut short in file names, image_path keying; a folder without its result file is refused", async ({ uniqueName }) => {
    const run = uniqueName("t2i-fork");
    const dir = tmp("t2i-fork");
    const fixture = await writeCompBenchFolder(path.join(dir, "complex"), {
      category: "complex",
      prompts: 3,
      perPrompt: 2,
      layout: "fork",
      promptsDir: PROMPTS,
      longest: true,
    });
    expect(fixture.promptTexts[0]!.length).toBeGreaterThan(100);
    expect(await ok("import", "t2i-compbench", path.join(dir, "complex"), "--category", "complex", "--run", run, "--step", "0", "--no-images")).toMatchObject({
      samples: 6,
      prompts: 3,
    });
    fs.rmSync(path.join(dir, "complex", "annotation_3_in_1"), { recursive: true });
    const broken = await cli("import", "t2i-compbench", path.join(dir, "complex"), "--category", "complex", "--run", run, "--step", "1");
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain("no 3-in-1 result for complex");
  });

  test("GenEval in pandas form with rewritten prompts and foreign absolute paths; self files; --onto-run gives Und", async ({
    request,
    apiHeaders,
    uniqueName,
  }) => {
    const baseline = uniqueName("geneval-base");
    const sft = uniqueName("geneval-sft");
    const indices = [0, 1, 2, 80, 81, 82];
    const base = await writeGenevalFixture(tmp("ge-b"), { metadataFile: METADATA, indices, perPrompt: 4, rewrite: true, seed: baseline });
    const later = await writeGenevalFixture(tmp("ge-s"), {
      metadataFile: METADATA,
      indices,
      perPrompt: 4,
      digits: 4,
      seed: sft,
      foreignRoot: "/lustre/other/outputs",
    });
    // The images folder is a copy elsewhere: --images points at it, the file names the cluster's paths.
    const b = await ok("import", "geneval", base.resultsFile, "--run", baseline, "--step", "0", "--images", base.imagesDir);
    expect(b).toMatchObject({ samples: 24, judgments: 24, images: 24, rewrittenPrompts: 24 });
    expect(await ok("import", "geneval", base.resultsFile, "--run", baseline, "--step", "0", "--images", base.imagesDir)).toMatchObject({
      samples: 0,
      judgments: 0,
      images: 0,
    });
    const s = await ok("import", "geneval", later.resultsFile, "--run", sft, "--step", "100", "--images", later.imagesDir);

    const listed = (await (await request.get(`/api/v1/runs/${b.runId}/samples?step=0`, { headers: apiHeaders })).json()) as {
      samples: { sourcePath: string }[];
    };
    expect(listed.samples.map((x) => x.sourcePath)).toContain(base.lines[0]!.filename);

    // The baseline judges its own images (reflect-style, the cluster's paths), the SFT checkpoint the
    // baseline's (free text, paths relative to the output folder's parent).
    const dir = tmp("ge-self");
    const b0 = base.lines.map((l) => (unit(`b/${l.filename}`) < (l.correct ? 0.9 : 0.6) ? 1 : 0));
    const c0 = base.lines.map((l) => (unit(`c/${l.filename}`) < (l.correct ? 0.9 : 0.2) ? 1 : 0));
    const forms = {
      1: ["The score is 1.", "Yes, it does.", "\\boxed{1}", '{"label": 1}'],
      0: ["The score is 0.", "No, it does not.", "\\boxed{0}", '{"label": 0}'],
    } as const;
    jsonl(
      path.join(dir, "baseline.jsonl"),
      base.lines.map((l, i) => ({ prompt: l.prompt, filename: l.filename, correct: b0[i] === 1, reason: "r" })),
    );
    jsonl(
      path.join(dir, "sft-on-baseline.jsonl"),
      base.lines.map((l, i) => ({ filename: l.filename.replace("/mnt/cluster/home/researcher/", ""), response: forms[c0[i]!][i % 4] })),
    );
    await ok("import", "judgments", path.join(dir, "baseline.jsonl"), "--run", baseline, "--step", "0", "--kind", "self");
    const onto = await ok(
      "import",
      "judgments",
      path.join(dir, "sft-on-baseline.jsonl"),
      "--run",
      sft,
      "--judge-step",
      "100",
      "--onto-run",
      baseline,
      "--step",
      "0",
      "--kind",
      "self",
    );
    expect(onto).toMatchObject({ runId: b.runId, judgeRunId: s.runId, judgments: 24, unparseable: 0 });

    const summary = (await (await request.get(`/api/v1/runs/${s.runId}/summary?baseline=${b.runId}`, { headers: apiHeaders })).json()) as TSummary;
    const own = (await (await request.get(`/api/v1/runs/${b.runId}/summary`, { headers: apiHeaders })).json()) as TSummary;
    for (const tag of ["single_object", "two_object"]) {
      const idx = base.lines.flatMap((l, i) => (shippedTag(l.index) === tag ? [i] : []));
      const e = idx.map((i) => (base.lines[i]!.correct ? 1 : 0));
      const disagreements = idx.filter((i) => b0[i] !== c0[i]);
      const wins = disagreements.filter((i) => c0[i] === (base.lines[i]!.correct ? 1 : 0));
      const und = summary.checkpoints.find((c) => c.step === 100)!.subtasks.find((x) => x.subtask === tag)!.und;
      expect(und.n).toBe(disagreements.length);
      if (disagreements.length > 0) expect(und.value).toBeCloseTo(wins.length / disagreements.length, 12);
      const cell = own.checkpoints[0]!.subtasks.find((x) => x.subtask === tag)!;
      expect(cell.gen.value).toBeCloseTo(e.filter((v) => v === 1).length / e.length, 12);
      expect(cell.non.value).toBeCloseTo(idx.filter((i) => b0[i] === 0).length / idx.length, 12);
    }
  });

  test("bad input: an unknown tag, unmatched judgments and score sentinels are named by line; nothing is imported from a failing file", async ({
    request,
    apiHeaders,
    uniqueName,
  }) => {
    const run = uniqueName("bad");
    const dir = tmp("bad");
    const fixture = await writeGenevalFixture(dir, { metadataFile: METADATA, indices: [3, 4], perPrompt: 2 });
    const lines = fs.readFileSync(fixture.resultsFile, "utf8").trim().split("\n");
    const badFile = path.join(dir, "bad.jsonl");
    fs.writeFileSync(badFile, [lines[0], lines[1]!.replace('"tag":"single_object"', '"tag":"single_objekt"'), lines[2], lines[3]].join("\n"));
    const bad = await cli("import", "geneval", badFile, "--run", run, "--step", "0");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("bad.jsonl:2: unknown tag");
    const runs = (await (await request.get(`/api/v1/runs?name=${encodeURIComponent(run)}`, { headers: apiHeaders })).json()) as { runs: unknown[] };
    expect(runs.runs).toHaveLength(0);

    await ok("import", "geneval", fixture.resultsFile, "--run", run, "--step", "0", "--images", fixture.imagesDir);
    const judgments = path.join(dir, "j.jsonl");
    jsonl(judgments, [
      { filename: fixture.lines[0]!.filename, verdict: 1 },
      { filename: "/elsewhere/00099/samples/00000.png", verdict: 0 },
    ]);
    const refused = await cli("import", "judgments", judgments, "--run", run, "--step", "0", "--kind", "external", "--judge", "qwen");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("j.jsonl:2:");
    expect(await ok("import", "judgments", judgments, "--run", run, "--step", "0", "--kind", "external", "--judge", "qwen", "--skip-unmatched")).toMatchObject({
      judgments: 1,
      skipped: 1,
    });

    const scores = path.join(dir, "wise.csv");
    fs.writeFileSync(scores, ["prompt_id,candidate,consistency", "3,0,1.5", "3,1,999", "4,0,2", "4,1,0.5"].join("\n"));
    const args = ["import", "scores", scores, "--run", run, "--step", "0", "--judge", "wise", "--benchmark", "geneval", "--score-column", "consistency"];
    const sentinel = await cli(...args);
    expect(sentinel.code).toBe(1);
    expect(sentinel.stdout).toContain("wise.csv:3:");
    expect(await ok(...args, "--missing-value", "999")).toMatchObject({ judgments: 4, missing: 1 });
    expect(await ok(...args, "--missing-value", "999")).toMatchObject({ judgments: 0, unchanged: 4 });
  });
});

const SHIPPED = fs
  .readFileSync(METADATA, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { tag: string; prompt: string });
const shippedTag = (index: number) => SHIPPED[index]!.tag;
