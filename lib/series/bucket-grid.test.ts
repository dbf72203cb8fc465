import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { computeBucketGrid } from "./bucket-grid";

describe("computeBucketGrid", () => {
  it("keeps one step per bucket when the range is small", () => {
    expect(computeBucketGrid(0, 399)).toEqual({ from: 0, to: 399, width: 1, count: 400, level: null });
  });

  it("splits 1,000,000 steps into 1024-step buckets built from the 256-step rollup", () => {
    const grid = computeBucketGrid(0, 999_999);
    expect(grid.width).toBe(1024);
    expect(grid.level?.width).toBe(256);
    expect(grid.count).toBe(977);
  });

  it("uses raw points while a bucket is narrower than two blocks of the finest level", () => {
    expect(computeBucketGrid(0, 30_000).level).toBeNull();
    expect(computeBucketGrid(0, 40_000).level?.width).toBe(16);
  });

  it("covers the requested range with at most ~maxBuckets aligned buckets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 50_000_000 }),
        fc.integer({ min: 0, max: 200_000_000 }),
        fc.integer({ min: 10, max: 1500 }),
        (from, span, max) => {
          const grid = computeBucketGrid(from, from + span, max);
          expect(grid.from).toBeLessThanOrEqual(from);
          expect(grid.to).toBeGreaterThanOrEqual(from + span);
          expect(grid.count).toBeLessThanOrEqual(max + 1);
          expect(Number.isInteger(grid.from / grid.width)).toBe(true);
          if (grid.level) expect(grid.width % grid.level.width).toBe(0);
          expect(grid.to - grid.from + 1).toBe(grid.count * grid.width);
        },
      ),
    );
  });
});
