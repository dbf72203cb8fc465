// Subtask × checkpoint heatmap of Non or Gen. Pure. Every cell carries its n and interval and links
// to the samples behind it; low-n cells are flagged and drawn pale so they do not read as findings.
import type { TCheckpointSummary } from "@/lib/metrics/summary-types";

import { describeMeasure, formatPercent } from "./format";
import { listSubtasks, OVERALL, readScore } from "./score-metrics";

export type THeatCell = {
  step: number;
  subtask: string;
  value: number | null;
  n: number;
  lowN: boolean;
  label: string;
  /** Full description for the tooltip and screen readers: value, interval, n. */
  title: string;
  background: string;
  textTone: "light" | "dark";
  href: string | null;
};
export type THeatmapModel = { metric: "gen" | "non"; steps: number[]; rows: { subtask: string; cells: THeatCell[] }[]; state: "ready" | "empty" };

/** Non: misaligned is bad (rose); Gen: aligned is good (emerald). Alpha grows with the rate. */
const RGB = { non: "244, 63, 94", gen: "16, 185, 129" } as const;

/** The explorer at one checkpoint of a run, narrowed to a subtask unless it is the Overall row. */
function samplesHref(slug: string, runId: string, step: number, subtask: string): string {
  const q = new URLSearchParams({ run: runId, step: String(step) });
  if (subtask !== OVERALL) q.set("subtask", subtask);
  return `/p/${encodeURIComponent(slug)}/samples?${q.toString()}`;
}

/** `link: null` (a shared page, whose viewer cannot open the project's explorer) draws cells without links. */
export function prepareHeatmap(checkpoints: readonly TCheckpointSummary[], metric: "gen" | "non", link: { slug: string; runId: string } | null): THeatmapModel {
  const ordered = [...checkpoints].sort((a, b) => a.step - b.step);
  // The last row is the checkpoint's Overall (the unweighted mean of the subtasks): it opens all of the checkpoint's samples.
  const subtasks = [...listSubtasks(ordered), OVERALL];
  const rows = subtasks.map((subtask) => ({
    subtask,
    cells: ordered.map((c): THeatCell => {
      const m = readScore(c, subtask, metric);
      const value = m?.value ?? null;
      const lowN = m?.lowN ?? false;
      const alpha = value === null ? 0 : (lowN ? 0.08 : 0.15) + (lowN ? 0.2 : 0.75) * value;
      return {
        step: c.step,
        subtask,
        value,
        n: m?.n ?? 0,
        lowN,
        label: formatPercent(value),
        title: `${subtask} at step ${c.step}: ${m ? describeMeasure(m) : "not evaluated"}`,
        background: value === null ? "transparent" : `rgba(${RGB[metric]}, ${alpha.toFixed(3)})`,
        textTone: alpha > 0.6 ? "light" : "dark",
        href: link ? samplesHref(link.slug, link.runId, c.step, subtask) : null,
      };
    }),
  }));
  const hasData = rows.some((r) => r.cells.some((c) => c.value !== null));
  return { metric, steps: ordered.map((c) => c.step), rows, state: hasData ? "ready" : "empty" };
}
