// Flips (docs/metrics.md#flips): for a prompt followed across checkpoints, the checkpoints where its verdict
// changes. A prompt's verdict at a checkpoint is the majority of its candidates' verdicts there.

import { majorityVerdict, type TVerdict } from "./majority";

export type TFlip = { fromStep: number; toStep: number; from: 0 | 1; to: 0 | 1 };

/**
 * The changes of a verdict series ordered by step. Checkpoints without a verdict are skipped, not
 * read as a change: a flip is between the last known verdict and the next known one.
 */
export function findFlips(series: readonly { step: number; verdict: TVerdict }[]): TFlip[] {
  const known = series.filter((p): p is { step: number; verdict: 0 | 1 } => p.verdict !== null).sort((a, b) => a.step - b.step);
  const flips: TFlip[] = [];
  for (let i = 1; i < known.length; i++) {
    const previous = known[i - 1]!;
    const current = known[i]!;
    if (previous.verdict !== current.verdict) flips.push({ fromStep: previous.step, toStep: current.step, from: previous.verdict, to: current.verdict });
  }
  return flips;
}

/** Per prompt, its flips across checkpoints, from candidate-level rows (majority per prompt and step). */
export function findPromptFlips(rows: readonly { promptId: string; step: number; verdict: TVerdict }[]): Map<string, TFlip[]> {
  const grouped = new Map<string, Map<number, TVerdict[]>>();
  for (const row of rows) {
    let steps = grouped.get(row.promptId);
    if (!steps) grouped.set(row.promptId, (steps = new Map()));
    const list = steps.get(row.step);
    if (list) list.push(row.verdict);
    else steps.set(row.step, [row.verdict]);
  }
  const result = new Map<string, TFlip[]>();
  for (const [promptId, steps] of grouped) {
    result.set(promptId, findFlips([...steps].map(([step, verdicts]) => ({ step, verdict: majorityVerdict(verdicts) }))));
  }
  return result;
}

/**
 * Per prompt, its flips from the per-prompt counters of the summary path: at each checkpoint the
 * majority of its parsed self verdicts (ones = selfN − self0, zeros = self0; a tie is no verdict).
 */
export function findPromptFlipsFromCells(cells: readonly { promptId: string; step: number; selfN: number; self0: number }[]): Map<string, TFlip[]> {
  const series = new Map<string, { step: number; verdict: TVerdict }[]>();
  for (const c of cells) {
    const ones = c.selfN - c.self0;
    const verdict: TVerdict = ones > c.self0 ? 1 : c.self0 > ones ? 0 : null;
    const list = series.get(c.promptId);
    if (list) list.push({ step: c.step, verdict });
    else series.set(c.promptId, [{ step: c.step, verdict }]);
  }
  return new Map([...series].map(([promptId, points]) => [promptId, findFlips(points)]));
}
