// One bucket grid for every run in a dense-curve panel. Pure: the service and the tests share it.
import { ROLLUP_LEVELS, type TRollupLevel } from "./rollup-levels";

export type TBucketGrid = {
  /** First step of bucket 0 (a multiple of `width`). */
  from: number;
  /** Last step of the last bucket. */
  to: number;
  /** Steps per bucket. */
  width: number;
  count: number;
  /** Rollup level the buckets are built from; null = raw points. */
  level: TRollupLevel | null;
};

export const DEFAULT_BUCKETS = 1000;
export const MAX_BUCKETS = 1500;

/**
 * Splits the step range [from, to] into at most about `maxBuckets` buckets of integer width. When
 * a bucket spans at least two blocks of a rollup level, the width is rounded up to a multiple of
 * that level's block width (costing at most a third of the buckets) so buckets are exact unions of
 * pre-aggregated blocks and no query ever reads more than ~32k rows per run.
 */
export function computeBucketGrid(from: number, to: number, maxBuckets = DEFAULT_BUCKETS): TBucketGrid {
  const lo = Math.floor(Math.min(from, to));
  const hi = Math.floor(Math.max(from, to));
  const buckets = Math.max(1, Math.min(MAX_BUCKETS, Math.floor(maxBuckets)));
  const rawWidth = Math.max(1, Math.ceil((hi - lo + 1) / buckets));
  const level = [...ROLLUP_LEVELS].reverse().find((l) => rawWidth >= 2 * l.width) ?? null;
  const width = level ? Math.ceil(rawWidth / level.width) * level.width : rawWidth;
  const start = Math.floor(lo / width) * width;
  const count = Math.ceil((hi + 1 - start) / width);
  return { from: start, to: start + count * width - 1, width, count, level };
}
