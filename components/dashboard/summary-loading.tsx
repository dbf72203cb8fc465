import { ChartCard } from "@/components/charts/chart-card";

import { PanelSection } from "./panel-grid";

/** Shown while the run summary streams in. */
export function SummaryLoading() {
  return (
    <PanelSection title="Evaluation">
      {["Overall", "Non by subtask × checkpoint", "Paper table"].map((title) => (
        <ChartCard key={title} title={title} chartKey={`loading:${title}`} state="loading" bodyHeight={160} />
      ))}
    </PanelSection>
  );
}
