// `npm run examples`: writes examples/ — what real evaluation pipelines leave on disk, small enough to
// import in seconds (tiny images, real GenEval and T2I-CompBench prompts from prisma/seed/data):
//   t2i-compbench/<checkpoint>/texture/   a category folder as T2I-CompBench's evaluators leave it
//   geneval/<checkpoint>/results.jsonl    GenEval's evaluator output in pandas form, images/ beside it
//   self-judgments/*.jsonl                the model's own verdicts (reflect-style and free text)
// for two checkpoints: a baseline and an SFT run that rejects more of the baseline's bad images.
// Deterministic: the same files every time. The README's "Try it" section imports them.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { writeGenevalFixture } from "../cli/fixtures/geneval";
import { writeCompBenchFolder } from "../cli/fixtures/t2i-compbench";

const OUT = path.resolve(process.argv[2] ?? "examples");
const METADATA = path.resolve("prisma/seed/data/geneval/evaluation_metadata.jsonl");
const PROMPTS = path.resolve("prisma/seed/data/t2i-compbench");
// Two prompts of each GenEval tag (single_object 0–79, two_object 80–178, counting 179–258, colors
// 259–352, position 353–452, color_attr 453–552).
const GENEVAL_PROMPTS = [0, 1, 80, 81, 179, 180, 259, 260, 353, 354, 453, 454];

const unit = (seed: string) => createHash("sha256").update(seed).digest().readUInt32BE(0) / 2 ** 32;
const RESPONSES = {
  1: ["The score is 1.", "Yes, the image shows the prompt.", "\\boxed{1}", '{"label": 1}'],
  0: ["The score is 0.", "No, something in the prompt is missing.", "\\boxed{0}", '{"label": 0}'],
};

/** A self verdict given how good the image really is: `fp` is how often a bad image is accepted. */
function selfVerdict(seed: string, good: boolean, fp: number): 0 | 1 {
  return unit(seed) < (good ? 0.9 : fp) ? 1 : 0;
}

function response(seed: string, verdict: 0 | 1): string {
  const u = unit(`${seed}/text`);
  if (u < 0.04) return "I cannot tell from this image.";
  return RESPONSES[verdict][Math.floor(u * 4) % 4]!;
}

const jsonl = (rows: readonly unknown[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;

async function main(): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true });
  const checkpoints = [
    { name: "baseline", accuracy: 0.55, fp: 0.6 },
    { name: "sft", accuracy: 0.7, fp: 0.3 },
  ];
  const images: Record<string, { geneval: { filename: string; prompt: string; good: boolean }[]; texture: { file: string; prompt: string; good: boolean }[] }> =
    {};
  for (const c of checkpoints) {
    const texture = await writeCompBenchFolder(path.join(OUT, "t2i-compbench", c.name, "texture"), {
      category: "texture",
      prompts: 10,
      perPrompt: 2,
      layout: "upstream",
      promptsDir: PROMPTS,
      seed: `examples/${c.name}`,
    });
    const geneval = await writeGenevalFixture(path.join(OUT, "geneval", c.name), {
      metadataFile: METADATA,
      indices: GENEVAL_PROMPTS,
      perPrompt: 4,
      seed: `examples/${c.name}`,
      accuracy: c.accuracy,
      foreignRoot: `/mnt/cluster/home/researcher/${c.name}/geneval`,
    });
    images[c.name] = {
      geneval: geneval.lines.map((l) => ({ filename: l.filename, prompt: l.prompt, good: l.correct })),
      texture: texture.files.map((file, i) => ({ file, prompt: texture.promptTexts[i]!, good: texture.scores[i]! > 0.5 })),
    };
  }

  // Each checkpoint on its own images, as a reflect-style pipeline writes it (prompt, filename,
  // correct, reason); the SFT checkpoint on the baseline's images as free-text answers.
  const selfDir = path.join(OUT, "self-judgments");
  fs.mkdirSync(selfDir, { recursive: true });
  for (const c of checkpoints) {
    const own = images[c.name]!;
    const rows = [
      ...own.geneval.map((g) => ({ seed: `${c.name}/${g.filename}`, prompt: g.prompt, filename: g.filename, good: g.good })),
      ...own.texture.map((t) => ({ seed: `${c.name}/${t.file}`, prompt: t.prompt, filename: `texture/samples/${t.file}`, good: t.good })),
    ].map((r) => {
      const correct = selfVerdict(r.seed, r.good, c.fp) === 1;
      return { prompt: r.prompt, filename: r.filename, correct, reason: correct ? "The image matches the prompt." : "Part of the prompt is not shown." };
    });
    fs.writeFileSync(path.join(selfDir, `${c.name}.jsonl`), jsonl(rows));
  }
  const sft = checkpoints[1]!;
  const onBaseline = images.baseline!.geneval.map((g) => {
    const verdict = selfVerdict(`sft-on-baseline/${g.filename}`, g.good, sft.fp);
    return { filename: g.filename, response: response(`sft-on-baseline/${g.filename}`, verdict) };
  });
  fs.writeFileSync(path.join(selfDir, "sft-on-baseline.jsonl"), jsonl(onBaseline));
  process.stdout.write(`Wrote ${path.relative(process.cwd(), OUT) || "."}/ (see its README.md)\n`);
}

void main();
