"use client";

import { useMemo } from "react";

import { ChartCard } from "@/components/charts/chart-card";
import { DownloadButton } from "@/components/charts/download-button";
import { HeatmapGrid } from "@/components/charts/heatmap-grid";
import { toCsv } from "@/lib/dashboard/csv";
import { prepareHeatmap } from "@/lib/dashboard/prepare-heatmap";
import type { TCheckpointSummary } from "@/lib/metrics/summary-types";

const TITLE = { non: "Non by subtask × checkpoint", gen: "Gen by subtask × checkpoint" } as const;

export function HeatmapPanel({
  metric,
  checkpoints,
  slug,
  runId,
  keyPrefix = "",
  title,
}: {
  metric: "gen" | "non";
  checkpoints: readonly TCheckpointSummary[];
  slug: string | null;
  runId: string;
  keyPrefix?: string;
  title?: string;
}) {
  const model = useMemo(() => prepareHeatmap(checkpoints, metric, slug === null ? null : { slug, runId }), [checkpoints, metric, slug, runId]);
  const csv = () =>
    toCsv(
      ["subtask", "step", "value", "n", "low_n"],
      model.rows.flatMap((r) => r.cells.map((c) => [r.subtask, c.step, c.value, c.n, c.lowN])),
    );
  return (
    <ChartCard
      title={title ?? TITLE[metric]}
      chartKey={`${keyPrefix}heatmap:${metric}`}
      subtitle="Click a cell to open its samples. Dashed cells rest on few images."
      state={model.state}
      seriesCount={model.rows.length}
      bodyHeight={80}
      emptyMessage="No checkpoint has been evaluated yet."
      actions={<DownloadButton label="CSV" filename={`heatmap-${metric}.csv`} build={csv} ariaLabel={`Download the CSV of ${TITLE[metric]}`} />}
    >
      <HeatmapGrid model={model} caption={TITLE[metric]} />
    </ChartCard>
  );
}
