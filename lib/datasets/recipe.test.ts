import { describe, expect, it } from "vitest";

import { assessRisk, computeGate } from "./gate";
import { nextRound, passRateHistogram, selectItems, type TCandidate, type TResolvedRecipe } from "./recipe";

const SFT: TResolvedRecipe = {
  kind: "sft",
  judge: "self",
  maxPerPrompt: null,
  minProb: null,
  pairing: "most_confident",
  maxPairsPerPrompt: null,
  minMargin: null,
};
const DPO: TResolvedRecipe = { ...SFT, kind: "dpo" };

let nextId = 0;
function c(
  promptId: string,
  candidate: number,
  verdict: 0 | 1 | null,
  prob: number | null,
  external: 0 | 1 | null = null,
  human: 0 | 1 | null = null,
  subtask = "color",
): TCandidate {
  nextId += 1;
  return { sampleId: String(nextId), promptId, subtask, benchmark: "t2i-compbench", candidate, self: { verdict, prob }, external, human };
}
const ids = (items: { chosen: TCandidate; rejected: TCandidate | null }[]) =>
  items.map((i) => (i.rejected ? `${i.chosen.promptId}:${i.chosen.candidate}>${i.rejected.candidate}` : `${i.chosen.promptId}:${i.chosen.candidate}`));

// Prompt a: accepts 0 (0.9), 1 (0.7), 3 (0.9), rejects 2 (0.2), 4 (0.4). Prompt b: all rejected → pool.
// Prompt c: one accept (0.6), no reject; an unparseable answer counts as neither.
const ROUND = [
  c("a", 0, 1, 0.9, 1),
  c("a", 1, 1, 0.7, 0),
  c("a", 2, 0, 0.2, 0),
  c("a", 3, 1, 0.9, 1),
  c("a", 4, 0, 0.4, 1),
  c("b", 0, 0, 0.1, 0),
  c("b", 1, 0, 0.3, 0),
  c("c", 0, 1, 0.6, null, 1),
  c("c", 1, null, null, 1),
];

describe("SFT recipes", () => {
  it("keeps every accepted candidate, highest self probability first, ties by candidate index", () => {
    const s = selectItems(SFT, ROUND);
    expect(ids(s.items)).toEqual(["a:0", "a:3", "a:1", "c:0"]);
    expect(s.pool).toEqual(["b"]);
    expect(s.prompts).toEqual([
      { promptId: "a", subtask: "color", accepted: 3, candidates: 5 },
      { promptId: "b", subtask: "color", accepted: 0, candidates: 2 },
      { promptId: "c", subtask: "color", accepted: 1, candidates: 2 },
    ]);
  });
  it("caps at k per prompt and drops accepts under the minimum probability (without pooling the prompt)", () => {
    expect(ids(selectItems({ ...SFT, maxPerPrompt: 1 }, ROUND).items)).toEqual(["a:0", "c:0"]);
    const s = selectItems({ ...SFT, minProb: 0.8 }, ROUND);
    expect(ids(s.items)).toEqual(["a:0", "a:3"]);
    expect(s.pool).toEqual(["b"]);
  });
  it("judges by the external judge, the annotators, or self ∧ external", () => {
    expect(ids(selectItems({ ...SFT, judge: "external" }, ROUND).items)).toEqual(["a:0", "a:3", "a:4", "c:1"]);
    expect(selectItems({ ...SFT, judge: "external" }, ROUND).pool).toEqual(["b"]);
    expect(ids(selectItems({ ...SFT, judge: "human" }, ROUND).items)).toEqual(["c:0"]);
    expect(selectItems({ ...SFT, judge: "human" }, ROUND).pool).toEqual(["a", "b"]);
    expect(ids(selectItems({ ...SFT, judge: "self_and_external" }, ROUND).items)).toEqual(["a:0", "a:3"]);
  });
});

describe("DPO recipes", () => {
  it("pairs the most confident accept with the most confident reject; a prompt without a reject gives none", () => {
    const s = selectItems(DPO, ROUND);
    expect(ids(s.items)).toEqual(["a:0>2"]);
    expect(s.pool).toEqual(["b"]);
  });
  it("all pairs: largest margin first, capped at k, under the minimum margin dropped", () => {
    // margins: 0>2 .7, 3>2 .7, 0>4 .5, 3>4 .5, 1>2 .5, 1>4 .3
    expect(ids(selectItems({ ...DPO, pairing: "all" }, ROUND).items)).toEqual(["a:0>2", "a:3>2", "a:0>4", "a:1>2", "a:3>4", "a:1>4"]);
    expect(ids(selectItems({ ...DPO, pairing: "all", maxPairsPerPrompt: 3 }, ROUND).items)).toEqual(["a:0>2", "a:3>2", "a:0>4"]);
    expect(ids(selectItems({ ...DPO, pairing: "all", minMargin: 0.6 }, ROUND).items)).toEqual(["a:0>2", "a:3>2"]);
    expect(selectItems({ ...DPO, minMargin: 0.8 }, ROUND).items).toEqual([]);
  });
});

describe("curriculum rounds", () => {
  it("re-samples the pool: admitted prompts leave it, prompts not drawn again stay", () => {
    const later = [c("b", 0, 1, 0.8), c("b", 1, 0, 0.2), c("d", 0, 0, 0.1), c("a", 0, 1, 0.9)];
    const { selection, admitted, ledger } = nextRound(SFT, { pool: ["b", "d", "e"], round: 0 }, 1000, later);
    expect(ids(selection.items)).toEqual(["b:0"]);
    expect(admitted).toEqual(["b"]);
    expect(selection.pool).toEqual(["d", "e"]);
    expect(ledger).toEqual({ round: 1, step: 1000, poolBefore: 3, admitted: 1, remaining: 2, admittedPromptIds: ["b"] });
  });
  it("bins pass rates |C|/N in tenths, 1.0 in the last bin", () => {
    expect(passRateHistogram(selectItems(SFT, ROUND).prompts)).toEqual([1, 0, 0, 0, 0, 1, 1, 0, 0, 0]);
  });
});

describe("the gate", () => {
  it("scores chosen images against the external judge and the annotators, with coverage and pair agreement", () => {
    const sft = computeGate(selectItems(SFT, ROUND).items, false);
    // a:0 ext 1, a:3 ext 1, a:1 ext 0, c:0 ext null / human 1.
    expect(sft.overall).toMatchObject({ chosen: 4, pairAgreement: null });
    expect(sft.overall.precision).toMatchObject({ value: 2 / 3, n: 3 });
    expect(sft.overall.humanPrecision).toMatchObject({ value: 1, n: 1 });
    expect(sft.overall.coverage).toMatchObject({ value: 1, n: 4 });
    expect(sft.subtasks.map((r) => r.subtask)).toEqual(["color"]);
    const dpo = computeGate(selectItems({ ...DPO, pairing: "all" }, ROUND).items, true);
    // External: chosen 0,3 = 1, 1 = 0; rejected 2 = 0, 4 = 1. Preferring chosen: 0>2, 3>2 agree; 1>4 disagrees; the rest tie.
    expect(dpo.overall.pairAgreement).toMatchObject({ value: 2 / 3, n: 3 });
  });
  it("flags a set whose precision interval lies below the threshold, or whose coverage is under 20%", () => {
    const bad = Array.from({ length: 60 }, (_, i) => c(`p${i}`, 0, 1, 0.9, i < 12 ? 1 : 0));
    const risk = assessRisk(computeGate(selectItems(SFT, bad).items, false));
    expect(risk.atRisk).toBe(true);
    expect(risk.reasons).toEqual([
      expect.stringMatching(
        /^Precision of the chosen images against the external judge is 20\.0% \[\d+\.\d%, \d+\.\d%\] \(n = 60\), below the threshold of 60\.0%/,
      ),
    ]);
    const good = Array.from({ length: 60 }, (_, i) => c(`p${i}`, 0, 1, 0.9, i < 50 ? 1 : 0));
    expect(assessRisk(computeGate(selectItems(SFT, good).items, false))).toEqual({ atRisk: false, reasons: [] });
    // n = 3 at 1/3: the interval reaches above 0.6, so too little evidence is no verdict of risk.
    expect(assessRisk(computeGate(selectItems(SFT, bad.slice(12, 14).concat(bad[0]!)).items, false)).atRisk).toBe(false);
    const unjudged = Array.from({ length: 10 }, (_, i) => c(`q${i}`, 0, 1, 0.9, i === 0 ? 1 : null));
    expect(assessRisk(computeGate(selectItems(SFT, unjudged).items, false)).reasons).toEqual([
      "Independent judges cover only 10.0% of the chosen images (1 of 10), below 20.0%: the set's quality is unknown.",
    ]);
  });
});
