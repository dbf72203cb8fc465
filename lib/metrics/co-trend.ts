// Telling co-improvement from co-degradation (docs/metrics.md#co-trend-classes): between a baseline b and a checkpoint c,
// ΔGen = Gen(c) − Gen(b), Und(c) against 0.5, and ΔNon. A direction counts only when its whole 95%
// interval is on one side, so a noisy point estimate never names a class.
import type { TMeasure, TTrend } from "./summary-types";

export type TCoTrendInput = { deltaGen: TMeasure; und: TMeasure; deltaNon: TMeasure };
type TDirection = "up" | "down" | "flat";

function direction(measure: TMeasure, neutral: number): TDirection {
  if (measure.value === null || measure.lo === null || measure.hi === null) return "flat";
  if (measure.lo > neutral) return "up";
  if (measure.hi < neutral) return "down";
  return "flat";
}

function describe(name: string, measure: TMeasure, dir: TDirection, neutral: number): string {
  if (measure.value === null) return `${name}: no data`;
  const interval = measure.lo === null || measure.hi === null ? "no interval" : `95% CI [${measure.lo.toFixed(3)}, ${measure.hi.toFixed(3)}]`;
  const verdict = dir === "flat" ? `not distinguishable from ${neutral}` : dir === "up" ? `above ${neutral}` : `below ${neutral}`;
  return `${name} ${measure.value.toFixed(3)} (${interval}, n = ${measure.n}): ${verdict}`;
}

/**
 * Classifies a checkpoint against its baseline: co-improvement (Gen up and Und above 0.5),
 * co-degradation (both down), trade-off (one up, one down), generation-only / understanding-only
 * (only that one moved, in either direction), else inconclusive. The data-quality alarm fires when
 * Non improved (fell, as a reader would see it) while Gen or Und got significantly worse: the
 * intrinsic score is then misleading.
 */
export function classifyCoTrend(input: TCoTrendInput): Omit<TTrend, "deltaGen" | "deltaNon"> {
  const gen = direction(input.deltaGen, 0);
  const und = direction(input.und, 0.5);
  let cls: TTrend["class"] = "inconclusive";
  if (gen === "up" && und === "up") cls = "co-improvement";
  else if (gen === "down" && und === "down") cls = "co-degradation";
  else if ((gen === "up" && und === "down") || (gen === "down" && und === "up")) cls = "trade-off";
  else if (gen !== "flat") cls = "generation-only";
  else if (und !== "flat") cls = "understanding-only";

  const nonImproved = input.deltaNon.value !== null && input.deltaNon.value < 0;
  const alarm = nonImproved && (gen === "down" || und === "down");
  const reasons = [
    describe("ΔGen", input.deltaGen, gen, 0),
    describe("Und", input.und, und, 0.5),
    describe("ΔNon", input.deltaNon, direction(input.deltaNon, 0), 0),
  ];
  if (alarm) {
    const worse = [gen === "down" ? "Gen" : null, und === "down" ? "Und" : null].filter(Boolean).join(" and ");
    reasons.push(`data-quality alarm: the Nonunified score improved while ${worse} got significantly worse — check the supervision`);
  }
  return { class: cls, alarm, reasons };
}
