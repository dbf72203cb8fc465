// `npm run examples:corrupted-labels [-- <dir>]`: writes examples/corrupted-labels/ — the demo's
// "SFT with corrupted labels" run as a training job would log it, checkpoint by checkpoint, for
// examples/replay_corrupted_labels.py (the README's "Alerts on a live run"). The same simulator and seed
// as the demo (prisma/seed/simulator/story.ts), every `STRIDE`-th evaluation prompt to stay small:
//   prompts.jsonl       {id, text, benchmark, subtask}
//   checkpoints.jsonl   one line per step: step 0 is the pre-trained model's evaluation (its own
//                       images with its self and external verdicts); each later step has the run's own
//                       images (`samples`) and its verdicts on step 0's images (`onBaseline`, Und's input).
// Deterministic: the same files every time.
import fs from "node:fs";
import path from "node:path";

import { loadCompBenchPrompts, loadGenEvalPrompts } from "../prisma/seed/prompts/load-prompts";
import { selectDemoPrompts, simulateDemo } from "../prisma/seed/simulator/story";
import type { TSimSample } from "../prisma/seed/simulator/types";

const OUT = path.resolve(process.argv[2] ?? "examples/corrupted-labels");
const STRIDE = 3;

/** One image: prompt id, candidate, the checkpoint's own verdict (null: its answer did not parse) and the external judge's. */
const sampleRow = (s: TSimSample) => ({ p: s.prompt.externalId, k: s.candidate, self: s.self.verdict, judge: s.external.judge, ext: s.external.verdict });

function main(): void {
  const sets = selectDemoPrompts([...loadGenEvalPrompts(), ...loadCompBenchPrompts()], STRIDE);
  const sim = simulateDemo(sets);
  const run = sim.runs.find((r) => r.def.key === "poor-supervision")!.run;
  const evalOnly = (s: TSimSample) => s.role === "eval";
  const steps = [...new Set(run.samples.filter(evalOnly).map((s) => s.step))].sort((a, b) => a - b);
  const baselineStep = Math.min(...sim.baseline.samples.map((s) => s.step));
  type TLine = { step: number; samples: ReturnType<typeof sampleRow>[]; onBaseline: { p: string; k: number; self: 0 | 1 | null }[] };
  const lines: TLine[] = [{ step: 0, samples: sim.baseline.samples.filter((s) => evalOnly(s) && s.step === baselineStep).map(sampleRow), onBaseline: [] }];
  for (const step of steps) {
    if (step === 0) continue;
    lines.push({
      step,
      samples: run.samples.filter((s) => evalOnly(s) && s.step === step).map(sampleRow),
      onBaseline: run.crossJudgments.filter((j) => j.judgeStep === step).map((j) => ({ p: j.prompt.externalId, k: j.candidate, self: j.verdict.verdict })),
    });
  }
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const used = new Set(lines.flatMap((l) => l.samples.map((s) => s.p)));
  const prompts = sets.eval.filter((p) => used.has(p.externalId)).map((p) => ({ id: p.externalId, text: p.text, benchmark: p.benchmark, subtask: p.subtask }));
  fs.writeFileSync(path.join(OUT, "prompts.jsonl"), prompts.map((p) => JSON.stringify(p)).join("\n") + "\n");
  fs.writeFileSync(path.join(OUT, "checkpoints.jsonl"), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  const counts = lines.map((l) => `${l.step}: ${l.samples.length} images, ${l.onBaseline.length} verdicts on step 0`).join("; ");
  process.stdout.write(`Wrote ${path.relative(process.cwd(), OUT)}/ (${prompts.length} prompts; ${counts})\n`);
}

main();
