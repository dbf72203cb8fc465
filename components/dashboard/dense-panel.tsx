"use client";

import { useMemo } from "react";

import { ChartCard, LegendList } from "@/components/charts/chart-card";
import { DenseLineChart } from "@/components/charts/dense-line-chart";
import { DownloadButton, fileSlug } from "@/components/charts/download-button";
import { Badge } from "@/components/ui/badge";
import { toCsv } from "@/lib/dashboard/csv";
import { formatCount } from "@/lib/dashboard/format";
import { assignRunColors } from "@/lib/dashboard/run-colors";
import { denseChartCsvRows, prepareDenseChart, xRangeToSteps } from "@/lib/series/prepare-dense-chart";

import { useDensePanel } from "./use-dense-panel";
import { useViewState } from "./use-view-state";

export const DENSE_HEIGHT = 220;

/** One dense training curve (any logged key) for one or more runs on one bucket grid. */
export function DensePanel({ runIds, metricKey, syncId, version }: { runIds: readonly string[]; metricKey: string; syncId?: string; version?: string }) {
  const [view, setView] = useViewState();
  const fetched = useDensePanel(runIds, metricKey, view.from, view.to, version);
  const isLog = view.log.includes(metricKey);
  const model = useMemo(
    () =>
      fetched.status === "ready"
        ? prepareDenseChart(fetched.panel, { xAxis: view.x, logY: isLog, emaWeight: view.smooth, colors: assignRunColors(runIds) })
        : null,
    [fetched, view.x, isLog, view.smooth, runIds],
  );
  const state = fetched.status === "loading" ? "loading" : fetched.status === "error" ? "error" : model!.state;
  const legend = model
    ? [
        ...model.series.map((s) => ({ id: s.runId, label: s.runName, color: s.color })),
        ...(model.ema ? [{ id: "ema", label: model.ema.label, color: "var(--muted)", dashed: true }] : []),
      ]
    : [];
  const toggleLog = () => setView({ log: isLog ? view.log.filter((k) => k !== metricKey) : [...view.log, metricKey] });
  return (
    <ChartCard
      title={metricKey}
      chartKey={metricKey}
      state={state}
      seriesCount={model?.series.length ?? 0}
      bodyHeight={DENSE_HEIGHT + 8}
      errorMessage={fetched.status === "error" ? fetched.message : undefined}
      emptyMessage={`No points logged for ${metricKey} in this range.`}
      badge={
        model ? (
          <Badge
            title={`Each of up to ~1,000 buckets (${formatCount(model.badge.bucketWidth)} steps wide) keeps its min, max and last point.`}
            data-testid="points-badge"
          >
            showing {formatCount(model.badge.drawn)} of {formatCount(model.badge.inRange)} points
          </Badge>
        ) : null
      }
      actions={
        model ? (
          <>
            <label className="flex items-center gap-1 text-xs text-[var(--muted)]">
              <input type="checkbox" checked={isLog} onChange={toggleLog} className="accent-indigo-600" />
              log y
            </label>
            <DownloadButton
              label="CSV"
              filename={`${fileSlug(metricKey)}.csv`}
              build={() => {
                const { header, rows } = denseChartCsvRows(model);
                return toCsv(header, rows);
              }}
              ariaLabel={`Download the CSV of ${metricKey}`}
            />
          </>
        ) : null
      }
      legend={<LegendList items={legend} />}
      notes={model?.notes}
    >
      {model ? (
        <DenseLineChart
          model={model}
          height={DENSE_HEIGHT}
          syncId={syncId}
          onZoom={(x1, x2) => {
            const range = xRangeToSteps(model, x1, x2);
            if (range) setView(range);
          }}
        />
      ) : null}
    </ChartCard>
  );
}
