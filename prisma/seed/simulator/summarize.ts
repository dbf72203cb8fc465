// Plain-rate summaries of simulated rows (no intervals): what the unit tests and the calibration check
// assert the story on. The product's numbers come from lib/metrics; this is the simulator's own check.
import type { TSimRun, TSimSample } from "./types";

export type TRates = { non: number; gen: number; und: number; undN: number; n: number };

function rate(hits: number, n: number): number {
  return n === 0 ? Number.NaN : hits / n;
}

/** Non, Gen and the understanding win rate of `run` at `step` for `subtask` (all subtasks when omitted). */
export function summarizeCheckpoint(run: TSimRun, step: number, baseline: TSimRun, subtask?: string): TRates {
  const own = run.samples.filter((s) => s.role === "eval" && s.step === step && (!subtask || s.prompt.subtask === subtask));
  const parsed = own.filter((s) => s.self.verdict !== null);
  const non = rate(parsed.filter((s) => s.self.verdict === 0).length, parsed.length);
  const gen = rate(own.filter((s) => s.external.verdict === 1).length, own.length);
  const base = new Map<string, TSimSample>(baseline.samples.map((s) => [`${s.prompt.externalId}|${s.candidate}`, s]));
  let wins = 0;
  let disagreements = 0;
  for (const j of run.crossJudgments) {
    if (j.judgeStep !== step || (subtask && j.prompt.subtask !== subtask)) continue;
    const b = base.get(`${j.prompt.externalId}|${j.candidate}`)!;
    if (b.self.verdict === null || j.verdict.verdict === null || b.self.verdict === j.verdict.verdict) continue;
    disagreements++;
    if (j.verdict.verdict === b.external.verdict) wins++;
  }
  return { non, gen, und: disagreements === 0 ? 0.5 : wins / disagreements, undN: disagreements, n: own.length };
}

/** Share of a run's training samples in `role` that the external judge calls aligned (the supervision audit). */
export function supervisionPrecision(run: TSimRun, role: "sft_chosen" | "dpo_chosen"): number {
  const chosen = run.samples.filter((s) => s.role === role);
  return rate(chosen.filter((s) => s.external.verdict === 1).length, chosen.length);
}
