// Dense training curves of a simulated run, one point per optimiser step: loss, learning rate,
// gradient norm and, for DPO, the reward margin. Seeded per run; shaped like real post-training logs
// (warm-up then cosine decay, a loss bump when a replay round adds new data).
import { createRng, gaussian } from "../rng";

export type TCurvePoint = { key: string; step: number; value: number };
export type TCurveOptions = { steps: number; peakLr: number; dpo: boolean; replaySteps: readonly number[]; seed: number };

const WARMUP = 100;

export function learningRate(step: number, steps: number, peak: number): number {
  if (step < WARMUP) return (peak * (step + 1)) / WARMUP;
  return 0.5 * peak * (1 + Math.cos((Math.PI * (step - WARMUP)) / Math.max(1, steps - WARMUP)));
}

export function trainingCurves(options: TCurveOptions): TCurvePoint[] {
  const rng = createRng(options.seed);
  const points: TCurvePoint[] = [];
  for (let step = 0; step < options.steps; step++) {
    // New data from a replay round is unfamiliar: the loss jumps and settles again.
    const bump = options.replaySteps.reduce((sum, r) => sum + (step >= r ? 0.18 * Math.exp(-(step - r) / 60) : 0), 0);
    const noise = gaussian(rng);
    const loss = options.dpo ? 0.42 + 0.273 * Math.exp(-step / 450) + 0.02 * noise : 0.55 + 1.25 * Math.exp(-step / 300) + bump + 0.035 * noise;
    points.push({ key: "train/loss", step, value: round(loss) });
    points.push({ key: "train/lr", step, value: learningRate(step, options.steps, options.peakLr) });
    points.push({ key: "train/grad_norm", step, value: round(0.4 + 2 * Math.exp(-step / 400) + 0.15 * Math.abs(gaussian(rng)) + bump * 3) });
    if (options.dpo) points.push({ key: "dpo/margin", step, value: round(1.9 * (1 - Math.exp(-step / 500)) + 0.08 * gaussian(rng)) });
  }
  return points;
}

function round(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}
