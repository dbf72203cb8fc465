// Keyed randomness: every draw is a pure function of a seed and the names of what it is about
// (prompt, candidate, step, judge…), so results never depend on iteration order and two runs that
// share a checkpoint share its images (common random numbers make run comparisons less noisy).
import { createRng, gaussian } from "../rng";

function hashKey(seed: number, keys: readonly (string | number)[]): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  const text = keys.join("\u0001");
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export type TDraws = {
  /** A uniform draw in [0, 1) named by `keys`. */
  uniform(...keys: (string | number)[]): number;
  /** A standard normal draw named by `keys`. */
  normal(...keys: (string | number)[]): number;
};

export function createDraws(seed: number): TDraws {
  return {
    uniform: (...keys) => createRng(hashKey(seed, keys))(),
    normal: (...keys) => gaussian(createRng(hashKey(seed, keys))),
  };
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function logit(p: number): number {
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}
