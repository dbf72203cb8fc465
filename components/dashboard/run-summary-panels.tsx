"use client";

import { use, useMemo } from "react";

import { ChartCard } from "@/components/charts/chart-card";
import { describeExternalJudges } from "@/lib/metrics/external-judges";
import { listSubtasks } from "@/lib/dashboard/score-metrics";
import { assignRunColors } from "@/lib/dashboard/run-colors";
import type { TSummaryResult } from "@/lib/dashboard/types";

import { HeatmapPanel } from "./heatmap-panel";
import { PaperTablePanel } from "./paper-table-panel";
import { Lazy, PanelSection } from "./panel-grid";
import { ScorePanels } from "./score-panels";
import { SummaryControls } from "./summary-controls";
import { TrendPanel, type TTrainedOnRef } from "./trend-panel";
import { UnderstandingPanels } from "./understanding-panels";
import { useViewState } from "./use-view-state";

const SECTIONS = [
  { title: "Scores over checkpoints", key: "scores:Overall" },
  { title: "Non by subtask × checkpoint", key: "heatmap:non" },
  { title: "Gen by subtask × checkpoint", key: "heatmap:gen" },
  { title: "Self-judge against the external judge", key: "understanding:confusion" },
  { title: "Transitions on the baseline's images", key: "understanding:transitions" },
  { title: "Paper table", key: "paper-table" },
] as const;

/** Every summary panel in its error state: the numbers are not invented when the summary fails. */
function SummaryErrorPanels({ message }: { message: string }) {
  return (
    <PanelSection title="Evaluation" description="Gen, Und and Non over checkpoints, from the metrics engine.">
      {SECTIONS.map((s) => (
        <ChartCard key={s.key} title={s.title} chartKey={s.key} state="error" errorMessage={message} bodyHeight={120} />
      ))}
    </PanelSection>
  );
}

/** The run page's evaluation panels, rendered from the run summary once it has streamed in. */
export function RunSummaryPanels({ result, slug, trainedOn }: { result: Promise<TSummaryResult>; slug: string | null; trainedOn?: readonly TTrainedOnRef[] }) {
  const resolved = use(result);
  const [view] = useViewState();
  const bundles = useMemo(() => (resolved.ok ? [resolved.bundle] : []), [resolved]);
  const colors = useMemo(() => assignRunColors(bundles.map((b) => b.runId)), [bundles]);
  if (!resolved.ok) return <SummaryErrorPanels message={resolved.message} />;
  const { bundle } = resolved;
  const checkpoints = bundle.summary.checkpoints;
  const subtasks = listSubtasks(checkpoints);
  const againstItself = bundle.summary.baseline.runId === bundle.runId;
  return (
    <>
      {againstItself ? null : (
        <PanelSection
          title="Co-improvement or co-degradation"
          description="Each checkpoint against the baseline, decided on 95% intervals, not point estimates."
          columns={1}
        >
          <TrendPanel bundles={bundles} colors={colors} trainedOn={trainedOn} />
        </PanelSection>
      )}
      <SummaryControls subtasks={subtasks} />
      <PanelSection
        title="Scores over checkpoints"
        description={`${bundle.summary.baseline.step < 0 ? "No checkpoint yet to compare against" : `Against ${bundle.summary.baseline.runName} @ step ${bundle.summary.baseline.step}`}; external judge: ${describeExternalJudges(bundle.summary) ?? "none"}. Bands are 95% intervals; hollow rings mark low n; Und's dashed line is 50% (no change).`}
      >
        <ScorePanels checkpoints={checkpoints} metrics={view.metrics} subtasks={view.subtasks ?? null} syncId="run-scores" keyPrefix="" />
      </PanelSection>
      <PanelSection title="By subtask and checkpoint" columns={1}>
        <Lazy title="Non by subtask × checkpoint" chartKey="heatmap:non" height={120}>
          <HeatmapPanel metric="non" checkpoints={checkpoints} slug={slug} runId={bundle.runId} />
        </Lazy>
        <Lazy title="Gen by subtask × checkpoint" chartKey="heatmap:gen" height={120}>
          <HeatmapPanel metric="gen" checkpoints={checkpoints} slug={slug} runId={bundle.runId} />
        </Lazy>
      </PanelSection>
      <PanelSection
        title="How understanding changed"
        description="Co-improvement shows up as corrected false positives (0,1,0): baseline-accepted images the external judge rejects, now rejected by the model too."
      >
        <UnderstandingPanels checkpoints={checkpoints} subtasks={view.subtasks ?? null} syncId="run-understanding" />
      </PanelSection>
      <PanelSection title="For the paper" columns={1}>
        <Lazy title="Paper table" chartKey="paper-table" height={120}>
          <PaperTablePanel bundle={bundle} />
        </Lazy>
      </PanelSection>
    </>
  );
}
