// Curriculum statistics (docs/metrics.md#curriculum): at a construction round every prompt gets N
// candidates and |C| of them pass the model's own check; prompts with |C| = 0 go to a discard pool,
// and at each replay round the pool's prompts that now pass are admitted.

export type TCurriculumRow = {
  promptId: string;
  /** The round (checkpoint step) the candidates were drawn at. */
  step: number;
  /** |C|: candidates the model's own judge accepted (self verdict 1). */
  accepted: number;
  /** N: candidates drawn; an unparseable answer is a candidate that was not accepted. */
  candidates: number;
};

export type TCurriculumRound = {
  step: number;
  /** Prompts drawn at this round. */
  prompts: number;
  /** Pass rates |C|/N of this round's prompts, in 10 bins of width 0.1 (the last includes 1.0). */
  passRateHistogram: number[];
  meanPassRate: number | null;
  /** Pool size when the round starts and ends; prompts seen for the first time that failed join it. */
  poolBefore: number;
  discarded: number;
  admitted: number;
  poolAfter: number;
};

const BINS = 10;

/**
 * Walks the rounds in step order: a prompt seen for the first time is constructed (|C| = 0 → pool);
 * a pooled prompt drawn again with |C| ≥ 1 is admitted and leaves the pool. Prompts that pass on
 * first sight never enter the pool.
 */
export function computeCurriculum(rows: readonly TCurriculumRow[]): TCurriculumRound[] {
  const byStep = new Map<number, TCurriculumRow[]>();
  for (const row of rows) {
    const list = byStep.get(row.step);
    if (list) list.push(row);
    else byStep.set(row.step, [row]);
  }
  const seen = new Set<string>();
  const pool = new Set<string>();
  const rounds: TCurriculumRound[] = [];
  for (const step of [...byStep.keys()].sort((a, b) => a - b)) {
    const stepRows = mergePrompts(byStep.get(step)!);
    const poolBefore = pool.size;
    const histogram = new Array<number>(BINS).fill(0);
    let rateSum = 0,
      rated = 0,
      discarded = 0,
      admitted = 0;
    for (const row of stepRows) {
      if (row.candidates > 0) {
        const rate = row.accepted / row.candidates;
        histogram[Math.min(BINS - 1, Math.floor(rate * BINS))]! += 1;
        rateSum += rate;
        rated += 1;
      }
      if (!seen.has(row.promptId)) {
        seen.add(row.promptId);
        if (row.accepted === 0) {
          pool.add(row.promptId);
          discarded += 1;
        }
      } else if (pool.has(row.promptId) && row.accepted > 0) {
        pool.delete(row.promptId);
        admitted += 1;
      }
    }
    rounds.push({
      step,
      prompts: stepRows.length,
      passRateHistogram: histogram,
      meanPassRate: rated ? rateSum / rated : null,
      poolBefore,
      discarded,
      admitted,
      poolAfter: pool.size,
    });
  }
  return rounds;
}

/** Rows of one prompt at one round are added up (e.g. candidates logged in several batches). */
function mergePrompts(rows: readonly TCurriculumRow[]): TCurriculumRow[] {
  const merged = new Map<string, TCurriculumRow>();
  for (const row of rows) {
    const existing = merged.get(row.promptId);
    if (existing) {
      existing.accepted += row.accepted;
      existing.candidates += row.candidates;
    } else merged.set(row.promptId, { ...row });
  }
  return [...merged.values()].sort((a, b) => (a.promptId < b.promptId ? -1 : a.promptId > b.promptId ? 1 : 0));
}

/**
 * Curriculum rows from the per-prompt counters of the summary path: |C| = self verdicts of 1 (parsed
 * ones; an unparseable answer did not pass), N = the prompt's images at that round.
 */
export function curriculumRowsFromCells(cells: readonly { promptId: string; step: number; images: number; selfN: number; self0: number }[]): TCurriculumRow[] {
  return cells.map((c) => ({ promptId: c.promptId, step: c.step, accepted: c.selfN - c.self0, candidates: c.images }));
}
