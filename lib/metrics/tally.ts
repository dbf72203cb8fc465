// The TypeScript reference for the counters that summary-repository.ts computes in SQL: it walks
// raw sample and judgment rows. Used by the property tests (SQL must equal it exactly) and by the
// benchmark's "load rows into Node" path; the app itself uses the SQL path.
import { majorityVerdict } from "./majority";
import { type TCellKey, type TOwnCell, type TOwnCounts, tripleKey, type TTripleCell, zeroOwnCounts, zeroTriples } from "./counts";
import { judgeOfBenchmark, type TExternalJudges } from "./external-judges";
import { EVAL_ROLES, type TSampleRole } from "./sample-roles";

export type TSampleRecord = { id: string; step: number; promptId: string; benchmark: string; subtask: string; role: TSampleRole };
export type TJudgmentRecord = {
  sampleId: string;
  kind: "self" | "external" | "human";
  judge: string;
  judgeStep: number;
  verdict: 0 | 1 | null;
  score: number | null;
};

/** The self judge of a checkpoint on its own run's images; another run's checkpoints are "self:<runId>". */
const OWN_SELF_JUDGE = "self";
/** External and human judges are not checkpoints: their judge step is -1. */
const NOT_A_CHECKPOINT = -1;

function cellId(key: TCellKey): string {
  return `${key.step}\u0000${key.benchmark}\u0000${key.subtask}\u0000${key.promptId}`;
}

function byCell(a: TCellKey, b: TCellKey): number {
  return a.step - b.step || cmp(a.benchmark, b.benchmark) || cmp(a.subtask, b.subtask) || cmp(a.promptId, b.promptId);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function judgmentsBySample(judgments: readonly TJudgmentRecord[]): Map<string, TJudgmentRecord[]> {
  const map = new Map<string, TJudgmentRecord[]>();
  for (const j of judgments) {
    const list = map.get(j.sampleId);
    if (list) list.push(j);
    else map.set(j.sampleId, [j]);
  }
  return map;
}

/**
 * Counters of each (checkpoint, subtask, prompt) over the checkpoint's own images in `roles` (its
 * evaluation images unless told otherwise): the self verdict is the judgment of judge "self" at the
 * sample's own step; the external verdict and score are those of the sample's benchmark's judge
 * (judge step -1); human verdicts of any annotator are combined by majority.
 */
export function tallyOwnCells(
  samples: readonly TSampleRecord[],
  judgments: readonly TJudgmentRecord[],
  externalJudges: TExternalJudges,
  roles: readonly TSampleRole[] = EVAL_ROLES,
): TOwnCell[] {
  const bySample = judgmentsBySample(judgments);
  const cells = new Map<string, TOwnCell>();
  for (const sample of samples) {
    if (!roles.includes(sample.role)) continue;
    const key = { step: sample.step, benchmark: sample.benchmark, subtask: sample.subtask, promptId: sample.promptId };
    const id = cellId(key);
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = { ...key, ...zeroOwnCounts() }));
    addSample(cell, sample, bySample.get(sample.id) ?? [], judgeOfBenchmark(externalJudges, sample.benchmark, sample.subtask));
  }
  return [...cells.values()].sort(byCell);
}

function addSample(cell: TOwnCounts, sample: TSampleRecord, judgments: readonly TJudgmentRecord[], externalJudge: string | null): void {
  const self = judgments.find((j) => j.kind === "self" && j.judge === OWN_SELF_JUDGE && j.judgeStep === sample.step);
  const external = judgments.find((j) => j.kind === "external" && j.judge === externalJudge && j.judgeStep === NOT_A_CHECKPOINT);
  const human = majorityVerdict(judgments.filter((j) => j.kind === "human").map((j) => j.verdict));
  const s = self?.verdict ?? null;
  const e = external?.verdict ?? null;
  cell.images += 1;
  if (self && s === null) cell.selfNull += 1;
  if (s !== null) {
    cell.selfN += 1;
    if (s === 0) cell.self0 += 1;
  }
  if (e !== null) {
    cell.extN += 1;
    cell.ext1 += e;
  }
  if (external?.score !== null && external?.score !== undefined) {
    cell.scoreN += 1;
    cell.scoreSum += external.score;
    cell.scoreSq += external.score * external.score;
  }
  if (s !== null && e !== null) {
    if (s === 1 && e === 1) cell.tp += 1;
    else if (s === 1) cell.fp += 1;
    else if (e === 0) cell.tn += 1;
    else cell.fn += 1;
  }
  if (human !== null) {
    cell.humN += 1;
    if (s === 0) {
      cell.humSelf0N += 1;
      if (human === 0) cell.humSelf0Bad += 1;
    }
  }
}

export type TTripleOptions = {
  /** The baseline checkpoint whose images are judged. */
  baselineStep: number;
  /** How the judging checkpoints are named on these images: "self" within one run, "self:<runId>" across runs. */
  currentJudge: string;
  /** The judging checkpoints. */
  steps: readonly number[];
  externalJudges: TExternalJudges;
};

/**
 * Transition triples per (judging checkpoint, subtask, prompt) over the baseline's evaluation images:
 * an image counts when its benchmark's external judge, the baseline's own judge and the judging
 * checkpoint all gave a verdict.
 */
export function tallyTripleCells(baselineSamples: readonly TSampleRecord[], judgments: readonly TJudgmentRecord[], options: TTripleOptions): TTripleCell[] {
  const bySample = judgmentsBySample(judgments);
  const steps = new Set(options.steps);
  const cells = new Map<string, TTripleCell>();
  for (const sample of baselineSamples) {
    if (sample.step !== options.baselineStep || !EVAL_ROLES.includes(sample.role)) continue;
    const list = bySample.get(sample.id) ?? [];
    const externalJudge = judgeOfBenchmark(options.externalJudges, sample.benchmark, sample.subtask);
    const b = list.find((j) => j.kind === "self" && j.judge === OWN_SELF_JUDGE && j.judgeStep === options.baselineStep)?.verdict ?? null;
    const e = list.find((j) => j.kind === "external" && j.judge === externalJudge && j.judgeStep === NOT_A_CHECKPOINT)?.verdict ?? null;
    if (b === null || e === null) continue;
    for (const j of list) {
      if (j.kind !== "self" || j.judge !== options.currentJudge || !steps.has(j.judgeStep) || j.verdict === null) continue;
      const key = { step: j.judgeStep, benchmark: sample.benchmark, subtask: sample.subtask, promptId: sample.promptId };
      const id = cellId(key);
      let cell = cells.get(id);
      if (!cell) cells.set(id, (cell = { ...key, triples: zeroTriples() }));
      cell.triples[tripleKey(e, b, j.verdict)] += 1;
    }
  }
  return [...cells.values()].sort(byCell);
}
