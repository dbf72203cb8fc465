// The counters every summary figure is computed from. Both paths produce them: PostgreSQL by
// GROUP BY … FILTER (summary-repository.ts) and the TypeScript reference by walking raw rows
// (tally.ts). They are per prompt, so the cluster bootstrap can resample prompts.
import type { TRIPLE_KEYS } from "./summary-types";

export type TTripleKey = (typeof TRIPLE_KEYS)[number];

/** Counters over one checkpoint's own images (judged by that checkpoint itself). */
export type TOwnCounts = {
  /** Images (candidates) of the checkpoint, judged or not. */
  images: number;
  /** Self verdicts that parsed (0 or 1), the rejections among them, and self answers that did not parse. */
  selfN: number;
  self0: number;
  selfNull: number;
  /** External verdicts (0 or 1) and the aligned ones. */
  extN: number;
  ext1: number;
  /** Continuous external scores: count, sum, sum of squares. */
  scoreN: number;
  scoreSum: number;
  scoreSq: number;
  /** Self verdict against external verdict, both present: (1,1), (1,0), (0,0), (0,1). */
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** Images with a human majority verdict; among self-rejected ones, how many humans judged and called bad. */
  humN: number;
  humSelf0N: number;
  humSelf0Bad: number;
};

/** Counts of (external, baseline self, current self) on the baseline's images, keyed "ebc". */
export type TTripleCounts = Record<TTripleKey, number>;

/** Where a cell belongs: a checkpoint, a subtask of a benchmark, a prompt. */
export type TCellKey = { step: number; benchmark: string; subtask: string; promptId: string };
export type TOwnCell = TCellKey & TOwnCounts;
/** `step` is the judging checkpoint; the images are the baseline's. */
export type TTripleCell = TCellKey & { triples: TTripleCounts };

export function zeroOwnCounts(): TOwnCounts {
  return {
    images: 0,
    selfN: 0,
    self0: 0,
    selfNull: 0,
    extN: 0,
    ext1: 0,
    scoreN: 0,
    scoreSum: 0,
    scoreSq: 0,
    tp: 0,
    fp: 0,
    tn: 0,
    fn: 0,
    humN: 0,
    humSelf0N: 0,
    humSelf0Bad: 0,
  };
}

export function zeroTriples(): TTripleCounts {
  return { "000": 0, "001": 0, "010": 0, "011": 0, "100": 0, "101": 0, "110": 0, "111": 0 };
}

/** Adds `from` into `into` (mutates `into`). Written out field by field: it runs once per prompt cell. */
export function addOwnCounts(into: TOwnCounts, from: TOwnCounts): TOwnCounts {
  into.images += from.images;
  into.selfN += from.selfN;
  into.self0 += from.self0;
  into.selfNull += from.selfNull;
  into.extN += from.extN;
  into.ext1 += from.ext1;
  into.scoreN += from.scoreN;
  into.scoreSum += from.scoreSum;
  into.scoreSq += from.scoreSq;
  into.tp += from.tp;
  into.fp += from.fp;
  into.tn += from.tn;
  into.fn += from.fn;
  into.humN += from.humN;
  into.humSelf0N += from.humSelf0N;
  into.humSelf0Bad += from.humSelf0Bad;
  return into;
}

export function addTriples(into: TTripleCounts, from: TTripleCounts): TTripleCounts {
  into["000"] += from["000"];
  into["001"] += from["001"];
  into["010"] += from["010"];
  into["011"] += from["011"];
  into["100"] += from["100"];
  into["101"] += from["101"];
  into["110"] += from["110"];
  into["111"] += from["111"];
  return into;
}

export function tripleKey(external: 0 | 1, baseline: 0 | 1, current: 0 | 1): TTripleKey {
  return `${external}${baseline}${current}` as TTripleKey;
}

/** The stratum a subtask is identified by: subtask names repeat across benchmarks. */
export function stratumKey(cell: { benchmark: string; subtask: string }): string {
  return `${cell.benchmark}\u0000${cell.subtask}`;
}
