"use client";

import { use, useMemo } from "react";

import { ChartCard } from "@/components/charts/chart-card";
import { checkpointDomain, prepareScoreCharts } from "@/lib/dashboard/prepare-score-charts";
import { prepareTransitions } from "@/lib/dashboard/prepare-understanding";
import { listSubtasks, OVERALL } from "@/lib/dashboard/score-metrics";
import type { TSummaryBundle, TSummaryResult } from "@/lib/dashboard/types";

import { DeltaTablePanel } from "./delta-table-panel";
import { HeatmapPanel } from "./heatmap-panel";
import { Lazy, PanelSection } from "./panel-grid";
import { RateCard, SCORE_CARD_HEIGHT } from "./score-panels";
import { SummaryControls } from "./summary-controls";
import { TrendPanel } from "./trend-panel";
import { CountCard } from "./understanding-panels";
import { useViewState } from "./use-view-state";

const COLUMNS: Record<number, string> = { 1: "grid-cols-1", 2: "grid-cols-2", 3: "grid-cols-3", 4: "grid-cols-2 xl:grid-cols-4" };

/** One row of side-by-side cards, one column per run (a failed summary keeps its column, in error). */
function SideBySide({ results, render, title }: { results: readonly TSummaryResult[]; render: (bundle: TSummaryBundle) => React.ReactNode; title: string }) {
  return (
    <div className="mb-3">
      <h3 className="mb-1 text-sm font-medium text-[var(--muted)]">{title}</h3>
      <div className={`grid gap-3 ${COLUMNS[results.length] ?? "grid-cols-2"}`}>
        {results.map((r) =>
          r.ok ? (
            <div key={r.bundle.runId} className="min-w-0">
              {render(r.bundle)}
            </div>
          ) : (
            <ChartCard key={r.runId} title={r.runName} chartKey={`${r.runId}:${title}`} state="error" errorMessage={r.message} bodyHeight={SCORE_CARD_HEIGHT} />
          ),
        )}
      </div>
    </div>
  );
}

export function CompareSummaryPanels({
  results: promise,
  colors,
  slug,
}: {
  results: Promise<TSummaryResult[]>;
  colors: ReadonlyMap<string, string>;
  slug: string | null;
}) {
  const results = use(promise);
  const [view] = useViewState();
  const bundles = useMemo(() => results.flatMap((r) => (r.ok ? [r.bundle] : [])), [results]);
  const failure = results.find((r) => !r.ok);
  const all = bundles.flatMap((b) => b.summary.checkpoints);
  const xDomain = checkpointDomain(all);
  const subtasks = listSubtasks(all);
  const scopes = [OVERALL, ...subtasks.filter((s) => !view.subtasks || view.subtasks.includes(s))];
  if (bundles.length === 0) {
    const message = failure && !failure.ok ? failure.message : "No summary.";
    return (
      <PanelSection title="Co-improvement or co-degradation" columns={1}>
        <ChartCard title="Co-improvement or co-degradation" chartKey="trend-map" state="error" errorMessage={message} bodyHeight={160} />
        <ChartCard title="Per-subtask deltas against each run's baseline" chartKey="delta-table" state="error" errorMessage={message} bodyHeight={120} />
      </PanelSection>
    );
  }
  return (
    <>
      <PanelSection title="Co-improvement or co-degradation" columns={1}>
        <div>
          {results
            .filter((r) => !r.ok)
            .map((r) =>
              !r.ok ? (
                <p key={r.runId} role="alert" className="mb-2 text-sm text-rose-700 dark:text-rose-300">
                  {r.runName}: {r.message}
                </p>
              ) : null,
            )}
          <TrendPanel bundles={bundles} colors={colors} />
        </div>
        <DeltaTablePanel bundles={bundles} colors={colors} />
      </PanelSection>
      <SummaryControls subtasks={subtasks} />
      <PanelSection
        title="Scores over checkpoints, side by side"
        description="Same axes in every column; hovering one chart moves the cursor in its row."
        columns={1}
      >
        <div>
          {scopes.map((scope) => (
            <SideBySide
              key={scope}
              title={scope}
              results={results}
              render={(b) => {
                const chart = prepareScoreCharts(b.summary.checkpoints, { metrics: view.metrics, subtasks: [scope], xDomain })[scope === OVERALL ? 0 : 1];
                if (!chart)
                  return (
                    <ChartCard
                      title={b.runName}
                      chartKey={`${b.runId}:scores:${scope}`}
                      state="empty"
                      emptyMessage={`${b.runName} has no ${scope} figures.`}
                      bodyHeight={SCORE_CARD_HEIGHT}
                    />
                  );
                return (
                  <Lazy title={b.runName} chartKey={`${b.runId}:scores:${scope}`} height={SCORE_CARD_HEIGHT}>
                    <RateCard chart={{ ...chart, title: b.runName }} chartKey={`${b.runId}:scores:${scope}`} subtitle={scope} syncId={`compare-${scope}`} />
                  </Lazy>
                );
              }}
            />
          ))}
          <SideBySide
            title="Transitions on the baseline's images"
            results={results}
            render={(b) => (
              <Lazy title={b.runName} chartKey={`${b.runId}:transitions`} height={208}>
                <CountCard
                  title={b.runName}
                  chartKey={`${b.runId}:transitions`}
                  chart={{ ...prepareTransitions(b.summary.checkpoints, view.subtasks ?? null), xDomain }}
                  kind="lines"
                  subtitle="corrected (0,1,0) and new (0,0,1) false positives"
                  syncId="compare-transitions"
                />
              </Lazy>
            )}
          />
          <SideBySide
            title="Non by subtask × checkpoint"
            results={results}
            render={(b) => (
              <Lazy title={b.runName} chartKey={`${b.runId}:heatmap:non`} height={120}>
                <HeatmapPanel
                  metric="non"
                  checkpoints={b.summary.checkpoints}
                  slug={slug}
                  runId={b.runId}
                  keyPrefix={`${b.runId}:`}
                  title={`${b.runName}: Non`}
                />
              </Lazy>
            )}
          />
        </div>
      </PanelSection>
    </>
  );
}
