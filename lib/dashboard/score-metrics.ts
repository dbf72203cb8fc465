// The four headline scores and how each is read off a summary. Pure.
import type { TCheckpointSummary, TMeasure, TSubtaskSummary } from "@/lib/metrics/summary-types";

export const SCORE_METRICS = ["gen", "und", "non", "unif"] as const;
export type TScoreMetric = (typeof SCORE_METRICS)[number];

export const SCORE_META: Record<TScoreMetric, { label: string; long: string; color: string }> = {
  gen: { label: "Gen", long: "Generation score (external judge's aligned rate)", color: "#10b981" },
  und: { label: "Und", long: "Understanding score (win rate against the external judge on the baseline's images; 50% = no change)", color: "#0ea5e9" },
  non: { label: "Non", long: "Nonunified score (share of the model's own images it judges misaligned)", color: "#f43f5e" },
  unif: { label: "Unification", long: "Unification = 1 − Nonunified", color: "#8b5cf6" },
};

/** Unification is 1 − Non with the interval mirrored; the n is Non's. */
function unification(non: TMeasure): TMeasure {
  return { ...non, value: non.value === null ? null : 1 - non.value, lo: non.hi === null ? null : 1 - non.hi, hi: non.lo === null ? null : 1 - non.lo };
}

export const OVERALL = "Overall";

/** A score of one checkpoint for Overall (the unweighted mean of subtasks) or one subtask. */
export function readScore(checkpoint: TCheckpointSummary, scope: string, metric: TScoreMetric): TMeasure | null {
  const source: Pick<TSubtaskSummary, "gen" | "und" | "non"> | undefined =
    scope === OVERALL ? checkpoint.overall : checkpoint.subtasks.find((s) => s.subtask === scope);
  if (!source) return null;
  return metric === "unif" ? unification(source.non) : source[metric];
}

/** Subtasks in the order they first appear over the checkpoints. */
export function listSubtasks(checkpoints: readonly TCheckpointSummary[]): string[] {
  const seen = new Set<string>();
  for (const c of checkpoints) for (const s of c.subtasks) seen.add(s.subtask);
  return [...seen];
}
