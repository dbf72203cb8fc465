"use client";

import { useMemo } from "react";

import { ChartCard, LegendList } from "@/components/charts/chart-card";
import { DownloadButton, fileSlug } from "@/components/charts/download-button";
import { RateLineChart } from "@/components/charts/rate-line-chart";
import { toCsv } from "@/lib/dashboard/csv";
import { prepareScoreCharts, type TRateChart } from "@/lib/dashboard/prepare-score-charts";
import type { TScoreMetric } from "@/lib/dashboard/score-metrics";
import type { TCheckpointSummary } from "@/lib/metrics/summary-types";

import { Lazy } from "./panel-grid";

const HEIGHT = 190;

function rateChartCsv(chart: TRateChart): string {
  const rows = chart.series.flatMap((s) =>
    s.points.map((p) => [chart.title, s.label, p.x, p.epoch, p.value, p.band?.[0] ?? null, p.band?.[1] ?? null, p.n, p.lowN]),
  );
  return toCsv(["scope", "series", "step", "epoch", "value", "lo", "hi", "n", "low_n"], rows);
}

/** One small multiple of rates over checkpoints, in its card. */
export function RateCard({ chart, chartKey, syncId, subtitle }: { chart: TRateChart; chartKey: string; syncId?: string; subtitle?: string }) {
  return (
    <ChartCard
      title={chart.title}
      chartKey={chartKey}
      subtitle={subtitle}
      state={chart.state}
      seriesCount={chart.series.length}
      bodyHeight={HEIGHT + 8}
      emptyMessage={`No evaluated checkpoint has ${chart.title} figures.`}
      actions={
        <DownloadButton label="CSV" filename={`${fileSlug(chartKey)}.csv`} build={() => rateChartCsv(chart)} ariaLabel={`Download the CSV of ${chartKey}`} />
      }
      legend={
        <LegendList
          items={[
            ...chart.series.map((s) => ({ id: s.id, label: s.label, color: s.color })),
            ...(chart.series.some((s) => s.lowNPoints.length) ? [{ id: "lown", label: "○ low n", color: "transparent" }] : []),
          ]}
        />
      }
    >
      <RateLineChart chart={chart} height={HEIGHT} syncId={syncId} />
    </ChartCard>
  );
}

/** Gen / Und / Non / Unification over checkpoints: Overall first, then one small multiple per subtask. */
export function ScorePanels({
  checkpoints,
  metrics,
  subtasks,
  syncId,
  keyPrefix,
  xDomain,
}: {
  checkpoints: readonly TCheckpointSummary[];
  metrics: readonly TScoreMetric[];
  subtasks: readonly string[] | null;
  syncId: string;
  keyPrefix: string;
  xDomain?: [number, number];
}) {
  const charts = useMemo(() => prepareScoreCharts(checkpoints, { metrics, subtasks, xDomain }), [checkpoints, metrics, subtasks, xDomain]);
  return (
    <>
      {charts.map((chart) => (
        <Lazy key={chart.id} title={chart.title} chartKey={`${keyPrefix}scores:${chart.id}`} height={HEIGHT + 8}>
          <RateCard chart={chart} chartKey={`${keyPrefix}scores:${chart.id}`} syncId={syncId} />
        </Lazy>
      ))}
    </>
  );
}

export const SCORE_CARD_HEIGHT = HEIGHT + 8;
