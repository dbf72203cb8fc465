// Which external judge scores which benchmark. Benchmarks bring their own evaluators (GenEval's
// detector on GenEval prompts, a large VLM on T2I-CompBench prompts), so Gen, Und and the confusion
// of a subtask read the verdicts of its benchmark's judge, never one judge for the whole run. A
// benchmark that scores each subtask by its own metric (subtask-judges.ts) gets a key per subtask.

import { definedSubtaskJudge, subtaskJudgeKey } from "./subtask-judges";

/** Benchmark (or `<benchmark>/<subtask>`, which wins for that subtask) → the external judge whose verdicts count; absent = none. */
export type TExternalJudges = Readonly<Record<string, string>>;

/** The judge of a subtask of `benchmark`: its own key first, else the benchmark's, else null (own-property lookups: names come from outside). */
export function judgeOfBenchmark(judges: TExternalJudges, benchmark: string, subtask?: string): string | null {
  const own = subtask === undefined ? null : subtaskJudgeKey(benchmark, subtask);
  if (own !== null && Object.hasOwn(judges, own)) return judges[own]!;
  return Object.hasOwn(judges, benchmark) ? judges[benchmark]! : null;
}

/** The SQL expression of a sample's judge in a judge map parameter (the same rule as judgeOfBenchmark). */
export const judgeOfSampleSql = (param: string, sample: string): string =>
  `coalesce(${param}::jsonb ->> (${sample}.benchmark || '/' || ${sample}.subtask), ${param}::jsonb ->> ${sample}.benchmark)`;

/** The one judge every benchmark uses, or null when there are several (or none). */
export function singleJudge(judges: TExternalJudges): string | null {
  const names = new Set(Object.values(judges));
  return names.size === 1 ? [...names][0]! : null;
}

/**
 * The default choice (docs/metrics.md#generation-score): per benchmark, the judge with the most judgments on that
 * benchmark's evaluation images, ties broken by name so the choice is stable; and for a subtask whose
 * benchmark defines its own metric (subtask-judges.ts), that metric's judge when it judged the subtask.
 */
export function pickJudgePerBenchmark(counts: readonly { benchmark: string; subtask?: string; judge: string; judgments: number }[]): Record<string, string> {
  const totals = new Map<string, { benchmark: string; judge: string; judgments: number }>();
  const own = new Map<string, string>();
  for (const c of counts) {
    const key = `${c.benchmark}\u0000${c.judge}`;
    const total = totals.get(key) ?? { benchmark: c.benchmark, judge: c.judge, judgments: 0 };
    total.judgments += c.judgments;
    totals.set(key, total);
    if (c.subtask !== undefined && c.judgments > 0 && definedSubtaskJudge(c.benchmark, c.subtask) === c.judge)
      own.set(subtaskJudgeKey(c.benchmark, c.subtask), c.judge);
  }
  const best = new Map<string, { judge: string; judgments: number }>();
  for (const c of totals.values()) {
    const current = best.get(c.benchmark);
    if (!current || c.judgments > current.judgments || (c.judgments === current.judgments && c.judge < current.judge)) best.set(c.benchmark, c);
  }
  const picked: [string, string][] = [...[...best].map(([benchmark, c]): [string, string] => [benchmark, c.judge]), ...own];
  return Object.fromEntries(picked.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** How a summary names its external judges: the one judge, or "judge (benchmark)" per benchmark; null when none. */
export function describeExternalJudges(summary: { externalJudge: string | null; externalJudges?: TExternalJudges }): string | null {
  const judges = summary.externalJudges ?? {};
  if (summary.externalJudge !== null || Object.keys(judges).length === 0) return summary.externalJudge;
  return Object.entries(judges)
    .map(([benchmark, judge]) => `${judge} (${benchmark})`)
    .join(", ");
}
