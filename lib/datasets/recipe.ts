// The paper's Algorithm 1 as a pure function: a construction round's candidates and their verdicts in,
// the SFT images or DPO pairs and the discard pool out. No I/O; the service loads the rows.

type TDatasetKind = "sft" | "dpo";
/** Whose verdict decides acceptance: the round's own self verdicts (the paper's), an external judge, the annotators, or self ∧ external (an oracle-filtered control). */
type TJudgeChoice = "self" | "external" | "human" | "self_and_external";

export type TCandidate = {
  sampleId: string;
  promptId: string;
  subtask: string;
  benchmark: string;
  candidate: number;
  self: { verdict: 0 | 1 | null; prob: number | null };
  external: 0 | 1 | null;
  human: 0 | 1 | null;
};

export type TResolvedRecipe = {
  kind: TDatasetKind;
  judge: TJudgeChoice;
  /** SFT: at most this many accepted candidates per prompt (null: all). */
  maxPerPrompt: number | null;
  /** SFT: only accepted candidates whose self probability is at least this. */
  minProb: number | null;
  /** DPO: the most confident accepted vs the most confident rejected, or all accepted × rejected pairs. */
  pairing: "most_confident" | "all";
  /** DPO "all": at most this many pairs per prompt (null: all). */
  maxPairsPerPrompt: number | null;
  /** DPO: only pairs whose self-probability margin (chosen − rejected) is at least this. */
  minMargin: number | null;
};

export type TItem = { promptId: string; chosen: TCandidate; rejected: TCandidate | null };

export type TSelection = {
  items: TItem[];
  /** Prompts none of whose candidates was accepted (the discard pool), sorted. */
  pool: string[];
  /** Per prompt: accepted and drawn candidates (for the pass-rate histogram and counts). */
  prompts: { promptId: string; subtask: string; accepted: number; candidates: number }[];
};

/** The judge's verdict on one candidate under the recipe's choice; null when it has none (or self and external disagree). */
function acceptedBy(judge: TJudgeChoice, c: TCandidate): 0 | 1 | null {
  switch (judge) {
    case "self":
      return c.self.verdict;
    case "external":
      return c.external;
    case "human":
      return c.human;
    case "self_and_external":
      return c.self.verdict !== null && c.self.verdict === c.external ? c.self.verdict : null;
  }
}

const byNumber = (a: number, b: number) => a - b;
/** Highest self probability first (unknown last), then candidate index. */
function mostConfidentAccept(a: TCandidate, b: TCandidate): number {
  return (b.self.prob ?? -Infinity) - (a.self.prob ?? -Infinity) || byNumber(a.candidate, b.candidate);
}
/** Lowest self probability first (unknown last), then candidate index. */
function mostConfidentReject(a: TCandidate, b: TCandidate): number {
  return (a.self.prob ?? Infinity) - (b.self.prob ?? Infinity) || byNumber(a.candidate, b.candidate);
}

function margin(chosen: TCandidate, rejected: TCandidate): number | null {
  // Rounded so that equal margins tie exactly (0.9 − 0.4 and 0.7 − 0.2 differ in the last bit).
  return chosen.self.prob === null || rejected.self.prob === null ? null : Math.round((chosen.self.prob - rejected.self.prob) * 1e9) / 1e9;
}

function groupByPrompt(candidates: readonly TCandidate[]): Map<string, TCandidate[]> {
  const groups = new Map<string, TCandidate[]>();
  for (const c of candidates) {
    const group = groups.get(c.promptId);
    if (group) group.push(c);
    else groups.set(c.promptId, [c]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function pairsOf(recipe: TResolvedRecipe, accepted: TCandidate[], rejected: TCandidate[]): [TCandidate, TCandidate][] {
  const passes = (c: TCandidate, r: TCandidate) => recipe.minMargin === null || (margin(c, r) ?? -Infinity) >= recipe.minMargin;
  if (recipe.pairing === "most_confident") {
    const c = [...accepted].sort(mostConfidentAccept)[0];
    const r = [...rejected].sort(mostConfidentReject)[0];
    return c && r && passes(c, r) ? [[c, r]] : [];
  }
  const all = accepted.flatMap((c) => rejected.map((r): [TCandidate, TCandidate] => [c, r])).filter(([c, r]) => passes(c, r));
  all.sort(([c1, r1], [c2, r2]) => (margin(c2, r2) ?? -Infinity) - (margin(c1, r1) ?? -Infinity) || c1.candidate - c2.candidate || r1.candidate - r2.candidate);
  return recipe.maxPairsPerPrompt === null ? all : all.slice(0, recipe.maxPairsPerPrompt);
}

/**
 * Per prompt (in prompt-id order): the accepted candidates are the judge's 1s. SFT keeps them
 * (minimum self probability, then at most k: highest self probability first, then candidate index);
 * DPO pairs the most confident accept with the most confident reject (or every pair, largest margin
 * first, capped at k), dropping pairs under the minimum margin. A prompt with no accepted candidate
 * joins the discard pool; one with accepts but no pair simply gives nothing.
 */
export function selectItems(recipe: TResolvedRecipe, candidates: readonly TCandidate[]): TSelection {
  const items: TItem[] = [];
  const pool: string[] = [];
  const prompts: TSelection["prompts"] = [];
  for (const [promptId, group] of groupByPrompt(candidates)) {
    const accepted = group.filter((c) => acceptedBy(recipe.judge, c) === 1);
    const rejected = group.filter((c) => acceptedBy(recipe.judge, c) === 0);
    prompts.push({ promptId, subtask: group[0]!.subtask, accepted: accepted.length, candidates: group.length });
    if (accepted.length === 0) {
      pool.push(promptId);
      continue;
    }
    if (recipe.kind === "sft") {
      const kept = accepted.filter((c) => recipe.minProb === null || (c.self.prob !== null && c.self.prob >= recipe.minProb)).sort(mostConfidentAccept);
      for (const c of recipe.maxPerPrompt === null ? kept : kept.slice(0, recipe.maxPerPrompt)) items.push({ promptId, chosen: c, rejected: null });
    } else {
      for (const [c, r] of pairsOf(recipe, accepted, rejected)) items.push({ promptId, chosen: c, rejected: r });
    }
  }
  return { items, pool, prompts };
}

export type TRoundLedger = { round: number; step: number; poolBefore: number; admitted: number; remaining: number; admittedPromptIds: string[] };

/**
 * Algorithm 2's replay: the previous pool's prompts re-sampled at a later step. Admitted = pool
 * prompts that now give items; the new set = previous items + theirs; the new pool = the rest
 * (including pool prompts with no candidates at this step).
 */
export function nextRound(
  recipe: TResolvedRecipe,
  previous: { pool: readonly string[]; round: number },
  step: number,
  candidates: readonly TCandidate[],
): { selection: TSelection; admitted: string[]; ledger: TRoundLedger } {
  const inPool = new Set(previous.pool);
  const selection = selectItems(
    recipe,
    candidates.filter((c) => inPool.has(c.promptId)),
  );
  const admittedSet = new Set(selection.items.map((i) => i.promptId));
  const admitted = [...admittedSet].sort();
  const pool = [...inPool].filter((p) => !admittedSet.has(p)).sort();
  return {
    selection: { ...selection, pool },
    admitted,
    ledger: { round: previous.round + 1, step, poolBefore: inPool.size, admitted: admitted.length, remaining: pool.length, admittedPromptIds: admitted },
  };
}

/** Pass rates |accepted|/N per prompt in 10 bins of width 0.1 (the last includes 1.0). */
export function passRateHistogram(prompts: TSelection["prompts"]): number[] {
  const bins = new Array<number>(10).fill(0);
  for (const p of prompts) if (p.candidates > 0) bins[Math.min(9, Math.floor((p.accepted / p.candidates) * 10))]! += 1;
  return bins;
}
