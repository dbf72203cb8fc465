"use client";

import { SCORE_META, SCORE_METRICS, type TScoreMetric } from "@/lib/dashboard/score-metrics";

import { useViewState } from "./use-view-state";

/** Which scores the small multiples draw, and which subtasks every summary panel covers. */
export function SummaryControls({ subtasks }: { subtasks: readonly string[] }) {
  const [view, setView] = useViewState();
  const chosen = view.subtasks ?? subtasks;
  const toggleMetric = (m: TScoreMetric) => {
    const next = view.metrics.includes(m) ? view.metrics.filter((x) => x !== m) : SCORE_METRICS.filter((x) => x === m || view.metrics.includes(x));
    if (next.length) setView({ metrics: next });
  };
  const toggleSubtask = (s: string) => {
    const next = chosen.includes(s) ? chosen.filter((x) => x !== s) : subtasks.filter((x) => x === s || chosen.includes(x));
    setView({ subtasks: next.length === subtasks.length ? undefined : next });
  };
  return (
    <div
      className="mb-3 flex flex-wrap items-start gap-x-6 gap-y-2 rounded-lg border border-[var(--border)] bg-[var(--panel)] px-3 py-2 text-xs"
      role="group"
      aria-label="Summary panels"
    >
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="sr-only">Scores</legend>
        <span className="text-[var(--muted)]">scores</span>
        {SCORE_METRICS.map((m) => (
          <label key={m} className="flex items-center gap-1" title={SCORE_META[m].long}>
            <input type="checkbox" checked={view.metrics.includes(m)} onChange={() => toggleMetric(m)} style={{ accentColor: SCORE_META[m].color }} />
            {SCORE_META[m].label}
          </label>
        ))}
      </fieldset>
      {subtasks.length ? (
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="sr-only">Subtasks</legend>
          <span className="text-[var(--muted)]">subtasks</span>
          {subtasks.map((s) => (
            <label key={s} className="flex items-center gap-1">
              <input type="checkbox" checked={chosen.includes(s)} onChange={() => toggleSubtask(s)} className="accent-indigo-600" />
              {s}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
