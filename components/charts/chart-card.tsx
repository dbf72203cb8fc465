import type { ReactNode } from "react";

import { cn } from "@/lib/ui/cn";

type TChartState = "loading" | "ready" | "empty" | "error";

export type TChartCardProps = {
  title: string;
  chartKey: string;
  state: TChartState;
  seriesCount?: number;
  subtitle?: ReactNode;
  badge?: ReactNode;
  actions?: ReactNode;
  legend?: ReactNode;
  notes?: readonly string[];
  emptyMessage?: string;
  errorMessage?: string;
  /** Height of the plotting area, so loading, empty and ready cards do not jump. */
  bodyHeight?: number;
  className?: string;
  children?: ReactNode;
};

/**
 * Every chart sits in one of these: title, legend, actions (CSV), the loading / empty / error
 * views, and `data-state` for tests to wait on. Renders what it is given and decides nothing.
 */
export function ChartCard(props: TChartCardProps) {
  const { title, chartKey, state, seriesCount = 0, bodyHeight = 240 } = props;
  return (
    <section
      data-testid="chart-card"
      data-chart-key={chartKey}
      data-state={state}
      data-series-count={seriesCount}
      aria-label={title}
      aria-busy={state === "loading"}
      className={cn("flex min-w-0 flex-col rounded-lg border border-[var(--border)] bg-[var(--panel)] shadow-sm", props.className)}
    >
      <header className="flex items-start justify-between gap-2 border-b border-[var(--border)] px-3 py-2">
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-sm font-semibold tracking-tight" title={title}>
            {title}
          </h3>
          {props.subtitle ? <p className="text-xs text-[var(--muted)]">{props.subtitle}</p> : null}
        </div>
        <div className="flex shrink-0 flex-wrap items-center justify-end gap-2">
          {props.badge}
          {state === "ready" ? props.actions : null}
        </div>
      </header>
      <div className="relative px-2 pt-2" style={{ minHeight: bodyHeight }}>
        {state === "loading" ? (
          <div className="h-full animate-pulse rounded bg-slate-100 dark:bg-slate-800/60" style={{ height: bodyHeight - 8 }} aria-label="Loading" />
        ) : null}
        {state === "empty" ? (
          <p className="flex items-center justify-center text-sm text-[var(--muted)]" style={{ height: bodyHeight - 8 }}>
            {props.emptyMessage ?? "Nothing to draw yet."}
          </p>
        ) : null}
        {state === "error" ? (
          <p
            role="alert"
            className="flex items-center justify-center px-4 text-center text-sm text-rose-700 dark:text-rose-300"
            style={{ height: bodyHeight - 8 }}
          >
            {props.errorMessage ?? "This panel could not be loaded."}
          </p>
        ) : null}
        {state === "ready" ? props.children : null}
      </div>
      {state === "ready" && props.legend ? <div className="px-3 pb-1">{props.legend}</div> : null}
      {props.notes && props.notes.length > 0 && state !== "error" ? (
        <ul className="space-y-0.5 px-3 pb-2 text-xs text-amber-800 dark:text-amber-300">
          {props.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function LegendList({ items }: { items: readonly { id: string; label: string; color: string; dashed?: boolean }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 py-1 text-xs text-[var(--muted)]">
      {items.map((item) => (
        <li key={item.id} className="flex items-center gap-1.5">
          <svg width="16" height="8" aria-hidden>
            <line x1="0" y1="4" x2="16" y2="4" stroke={item.color} strokeWidth="2" strokeDasharray={item.dashed ? "4 2" : undefined} />
          </svg>
          <span className="text-[var(--text)]">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
