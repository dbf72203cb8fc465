// The block widths (in steps) that metric points are rolled up into. Each level nests 16 blocks of
// the one below, so a bucket whose width is a multiple of a level's width is an exact union of blocks
// and min, max and last stay exact. Pure: shared by the grid decision and the rollup SQL.

export type TRollupLevel = { width: number; shift: number };

export const ROLLUP_LEVELS: readonly TRollupLevel[] = [
  { width: 16, shift: 4 },
  { width: 256, shift: 8 },
  { width: 4096, shift: 12 },
];
