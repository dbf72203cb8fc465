// Inline builders of the run-summary contract for unit tests. Only tests import this file.
import type { TCheckpointSummary, TConfusion, TMeasure, TRunSummary, TSubtaskSummary, TTriples, TTrend } from "@/lib/metrics/summary-types";

export function measure(value: number | null, n = 100, overrides: Partial<TMeasure> = {}): TMeasure {
  return { value, n, lo: value === null ? null : Math.max(0, value - 0.05), hi: value === null ? null : Math.min(1, value + 0.05), lowN: n < 30, ...overrides };
}

export function confusion(overrides: Partial<TConfusion> = {}): TConfusion {
  return { tp: 40, fp: 10, tn: 30, fn: 20, falsePositiveRate: measure(0.25, 40), precision: measure(0.8, 50), ...overrides };
}

export function triples(overrides: Partial<TTriples> = {}): TTriples {
  const counts = { "000": 10, "001": 2, "010": 5, "011": 3, "100": 1, "101": 20, "110": 4, "111": 55 };
  return { counts, correctedFalsePositives: 5, newFalsePositives: 2, n: 100, ...overrides };
}

export function subtask(name: string, overrides: Partial<TSubtaskSummary> = {}): TSubtaskSummary {
  return {
    subtask: name,
    benchmark: "geneval",
    gen: measure(0.6),
    und: measure(0.55, 12),
    non: measure(0.3),
    unparseable: 0,
    weakGen: measure(0.7),
    weakGenHuman: null,
    confusion: confusion(),
    triples: triples(),
    ...overrides,
  };
}

export function trend(overrides: Partial<TTrend> = {}): TTrend {
  return {
    class: "co-improvement",
    alarm: false,
    deltaGen: measure(0.05, 300, { lo: 0.01, hi: 0.09 }),
    deltaNon: measure(-0.04, 300, { lo: -0.08, hi: -0.01 }),
    reasons: [],
    ...overrides,
  };
}

export function checkpoint(step: number, overrides: Partial<TCheckpointSummary> = {}): TCheckpointSummary {
  const subtasks = overrides.subtasks ?? [subtask("color_attr"), subtask("counting")];
  return {
    step,
    epoch: null,
    subtasks,
    overall: { gen: measure(0.6, 200), und: measure(0.55, 24), non: measure(0.3, 200), nonPooled: measure(0.31, 200) },
    trend: trend(),
    ...overrides,
  };
}

export function runSummary(runId: string, checkpoints: TCheckpointSummary[], overrides: Partial<TRunSummary> = {}): TRunSummary {
  return {
    runId,
    baseline: { runId: "base", step: 0, runName: "baseline" },
    externalJudge: "geneval",
    externalJudges: { geneval: "geneval" },
    checkpoints,
    ...overrides,
  };
}
