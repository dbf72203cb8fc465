"use client";

import { useMemo } from "react";

import { ChartCard, LegendList } from "@/components/charts/chart-card";
import { CountChart } from "@/components/charts/count-chart";
import { DownloadButton } from "@/components/charts/download-button";
import { toCsv } from "@/lib/dashboard/csv";
import { prepareConfusionCounts, prepareJudgeRateCharts, prepareTransitions, type TCountChart } from "@/lib/dashboard/prepare-understanding";
import type { TCheckpointSummary } from "@/lib/metrics/summary-types";

import { Lazy } from "./panel-grid";
import { RateCard, SCORE_CARD_HEIGHT } from "./score-panels";

const HEIGHT = 200;

function countCsv(chart: TCountChart): string {
  return toCsv(
    ["step", "n", ...chart.series.map((s) => s.id)],
    chart.rows.map((r) => [r.x, r.n, ...chart.series.map((s) => r[s.id])]),
  );
}

export function CountCard({
  title,
  chartKey,
  chart,
  kind,
  subtitle,
  syncId,
}: {
  title: string;
  chartKey: string;
  chart: TCountChart;
  kind: "stacked" | "lines";
  subtitle: string;
  syncId: string;
}) {
  return (
    <ChartCard
      title={title}
      chartKey={chartKey}
      subtitle={`${subtitle} (${chart.scopeLabel})`}
      state={chart.state}
      seriesCount={chart.series.length}
      bodyHeight={HEIGHT + 8}
      emptyMessage="No judged images at any checkpoint yet."
      actions={
        <DownloadButton
          label="CSV"
          filename={`${chartKey.replace(/[^a-z0-9]+/gi, "-")}.csv`}
          build={() => countCsv(chart)}
          ariaLabel={`Download the CSV of ${title}`}
        />
      }
      legend={<LegendList items={chart.series} />}
    >
      <CountChart chart={chart} height={HEIGHT} kind={kind} syncId={syncId} />
    </ChartCard>
  );
}

/** How understanding changed: confusion counts, transitions on the baseline's images, and per-subtask FP rate and precision. */
export function UnderstandingPanels({
  checkpoints,
  subtasks,
  syncId,
}: {
  checkpoints: readonly TCheckpointSummary[];
  subtasks: readonly string[] | null;
  syncId: string;
}) {
  const confusion = useMemo(() => prepareConfusionCounts(checkpoints, subtasks), [checkpoints, subtasks]);
  const transitions = useMemo(() => prepareTransitions(checkpoints, subtasks), [checkpoints, subtasks]);
  const rates = useMemo(() => prepareJudgeRateCharts(checkpoints, subtasks), [checkpoints, subtasks]);
  return (
    <>
      <Lazy title="Self-judge against the external judge" chartKey="understanding:confusion" height={HEIGHT + 8}>
        <CountCard
          title="Self-judge against the external judge"
          chartKey="understanding:confusion"
          chart={confusion}
          kind="stacked"
          subtitle="each checkpoint's own images"
          syncId={syncId}
        />
      </Lazy>
      <Lazy title="Transitions on the baseline's images" chartKey="understanding:transitions" height={HEIGHT + 8}>
        <CountCard
          title="Transitions on the baseline's images"
          chartKey="understanding:transitions"
          chart={transitions}
          kind="lines"
          subtitle="(external, baseline self, current self)"
          syncId={syncId}
        />
      </Lazy>
      {rates.map((chart) => (
        <Lazy key={chart.id} title={chart.title} chartKey={`understanding:rates:${chart.id}`} height={SCORE_CARD_HEIGHT}>
          <RateCard chart={chart} chartKey={`understanding:rates:${chart.id}`} subtitle="self-judge FP rate and precision" syncId={syncId} />
        </Lazy>
      ))}
    </>
  );
}
