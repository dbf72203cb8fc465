import { createHash } from "node:crypto";

import { beforeAll, describe, expect, it } from "vitest";

import { loadCompBenchPrompts, loadGenEvalPrompts } from "../prompts/load-prompts";
import { selectDemoPrompts, simulateDemo, type TDemoSimulation } from "./story";
import { summarizeCheckpoint, supervisionPrecision } from "./summarize";
import type { TSimRun } from "./types";

// The demo's story, checked on the simulated rows (plain rates, fixed seed): the numbers the metrics
// engine will compute from the same rows, in the directions the paper reports.
let sim: TDemoSimulation;
const run = (key: string) => sim.runs.find((r) => r.def.key === key)!.run;
const last = (r: TSimRun) => r.checkpoints.at(-1)!.step;
const overall = (r: TSimRun) => summarizeCheckpoint(r, last(r), sim.baseline);

const prompts = () => [...loadGenEvalPrompts(), ...loadCompBenchPrompts()];

// The whole demo's simulation takes a few seconds, more on a busy machine.
beforeAll(() => {
  sim = simulateDemo(selectDemoPrompts(prompts()));
}, 120_000);

describe("the demo's story", () => {
  it("starts from a baseline whose self-judge rejects a fifth to a half of its images", () => {
    const base = summarizeCheckpoint(sim.baseline, 0, sim.baseline);
    expect(base.non).toBeGreaterThan(0.2);
    expect(base.non).toBeLessThan(0.45);
    expect(base.n).toBe(2 * sim.baseline.samples.filter((s) => s.candidate === 0).length);
  });

  it("SFT co-improves: generation up by points, understanding wins most disagreements, Non down", () => {
    const base = summarizeCheckpoint(sim.baseline, 0, sim.baseline);
    const sft = overall(run("sft"));
    expect(sft.gen - base.gen).toBeGreaterThan(0.04);
    expect(sft.gen - base.gen).toBeLessThan(0.15);
    expect(sft.und).toBeGreaterThan(0.6);
    expect(sft.undN).toBeGreaterThan(50);
    expect(sft.non).toBeLessThan(base.non);
  });

  it("DPO gains less than SFT", () => {
    const base = summarizeCheckpoint(sim.baseline, 0, sim.baseline);
    const dpo = overall(run("dpo"));
    expect(dpo.gen).toBeGreaterThan(base.gen);
    expect(dpo.gen).toBeLessThan(overall(run("sft")).gen);
    expect(dpo.und).toBeGreaterThan(0.5);
  });

  it("the curriculum's replay rounds admit prompts from the discard pool", () => {
    const rounds = run("curriculum").rounds;
    expect(rounds[0]!.poolAfter).toBeGreaterThan(10);
    expect(rounds[1]!.label).toBe("round 1 (replay)");
    expect(rounds[1]!.admitted).toBeGreaterThan(0);
    expect(rounds[1]!.poolAfter).toBe(rounds[0]!.poolAfter - rounds[1]!.admitted);
    expect(run("curriculum").samples.some((s) => s.step === rounds[1]!.step && s.role === "sft_chosen")).toBe(true);
  });

  it("poor supervision co-degrades while its Non improves: the alarm case", () => {
    const base = summarizeCheckpoint(sim.baseline, 0, sim.baseline);
    const poor = overall(run("poor-supervision"));
    expect(poor.gen).toBeLessThan(base.gen - 0.04);
    expect(poor.und).toBeLessThan(0.4);
    expect(poor.non).toBeLessThan(base.non - 0.02);
    expect(supervisionPrecision(run("poor-supervision"), "sft_chosen")).toBeLessThan(supervisionPrecision(run("sft"), "sft_chosen") - 0.2);
  });

  it("is deterministic: the same seed gives the same rows", () => {
    const digest = (s: TDemoSimulation) =>
      createHash("sha256")
        .update(
          JSON.stringify(
            s.runs.map(({ run: r }) =>
              r.samples.map((x) => [x.prompt.externalId, x.step, x.candidate, x.role, x.image.error, x.self.verdict, x.self.prob, x.external.verdict]),
            ),
          ),
        )
        .digest("hex");
    const small = selectDemoPrompts(prompts(), 10);
    expect(digest(simulateDemo(small))).toBe(digest(simulateDemo(small)));
    expect(digest(simulateDemo(small, undefined, 1))).not.toBe(digest(simulateDemo(small)));
  }, 60_000);
});
