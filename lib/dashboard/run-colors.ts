// One run, one colour, in every chart of a view. Pure.

/** Eight hues that stay legible on the light and the dark panel background. */
const RUN_PALETTE = ["#6366f1", "#f59e0b", "#10b981", "#ef4444", "#0ea5e9", "#d946ef", "#84cc16", "#f97316"] as const;

function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Colours from a stable hash of each run id, so a run keeps its colour across pages; when two runs
 * of the same view hash to one colour, the later one takes the next free hue (linear probing in
 * the order given), so runs shown together never share a colour.
 */
export function assignRunColors(runIds: readonly string[]): Map<string, string> {
  const used = new Set<number>();
  const colors = new Map<string, string>();
  for (const id of runIds) {
    if (colors.has(id)) continue;
    let slot = hash(id) % RUN_PALETTE.length;
    for (let tries = 0; used.has(slot) && tries < RUN_PALETTE.length; tries++) slot = (slot + 1) % RUN_PALETTE.length;
    used.add(slot);
    colors.set(id, RUN_PALETTE[slot]!);
  }
  return colors;
}
