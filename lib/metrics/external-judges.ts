// Which external judge scores which benchmark. Benchmarks bring their own evaluators (GenEval's
// detector on GenEval prompts, a large VLM on T2I-CompBench prompts), so Gen, Und and the confusion
// of a subtask read the verdicts of its benchmark's judge, never one judge for the whole run.

/** Benchmark → the external judge whose verdicts count for it; a benchmark absent has none. */
export type TExternalJudges = Readonly<Record<string, string>>;

/** The judge of `benchmark`, or null (an own-property lookup: benchmark names come from outside). */
export function judgeOfBenchmark(judges: TExternalJudges, benchmark: string): string | null {
  return Object.hasOwn(judges, benchmark) ? judges[benchmark]! : null;
}

/** The one judge every benchmark uses, or null when there are several (or none). */
export function singleJudge(judges: TExternalJudges): string | null {
  const names = new Set(Object.values(judges));
  return names.size === 1 ? [...names][0]! : null;
}

/**
 * The default choice (docs/metrics.md#generation-score): per benchmark, the judge with the most judgments on that
 * benchmark's evaluation images, ties broken by name so the choice is stable.
 */
export function pickJudgePerBenchmark(counts: readonly { benchmark: string; judge: string; judgments: number }[]): Record<string, string> {
  const best = new Map<string, { judge: string; judgments: number }>();
  for (const c of counts) {
    const current = best.get(c.benchmark);
    if (!current || c.judgments > current.judgments || (c.judgments === current.judgments && c.judge < current.judge)) best.set(c.benchmark, c);
  }
  return Object.fromEntries([...best].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([benchmark, c]) => [benchmark, c.judge]));
}

/** How a summary names its external judges: the one judge, or "judge (benchmark)" per benchmark; null when none. */
export function describeExternalJudges(summary: { externalJudge: string | null; externalJudges?: TExternalJudges }): string | null {
  const judges = summary.externalJudges ?? {};
  if (summary.externalJudge !== null || Object.keys(judges).length === 0) return summary.externalJudge;
  return Object.entries(judges)
    .map(([benchmark, judge]) => `${judge} (${benchmark})`)
    .join(", ");
}
