"use client";

import { formatCount } from "@/lib/dashboard/format";
import type { TMetricKeyDTO } from "@/lib/series/types";

import { DENSE_HEIGHT, DensePanel } from "./dense-panel";
import { DenseToolbar } from "./dense-toolbar";
import { Lazy, PanelSection } from "./panel-grid";
import { useViewState } from "./use-view-state";

/** At most this many curves are drawn at once; the rest are one click away, never silently dropped. */
const MAX_DENSE_PANELS = 20;

/** Every logged key as a dense-curve panel for these runs (one grid per panel, shared x range). */
export function DenseGrid({ runIds, keys, syncId }: { runIds: readonly string[]; keys: readonly TMetricKeyDTO[]; syncId: string }) {
  const [view, setView] = useViewState();
  const allKeys = keys.map((k) => k.key);
  const shown = (view.keys ?? allKeys).filter((k) => allKeys.includes(k)).slice(0, MAX_DENSE_PANELS);
  const toggle = (key: string) => {
    const next = shown.includes(key) ? shown.filter((k) => k !== key) : allKeys.filter((k) => k === key || shown.includes(k));
    setView({ keys: next.length === Math.min(allKeys.length, MAX_DENSE_PANELS) && next.every((k, i) => k === allKeys[i]) ? undefined : next });
  };
  return (
    <PanelSection
      title="Training curves"
      description="Bucketed on the server: each bucket keeps its min, max (the band) and last point (the line), so a single-step spike survives. NaN and missing steps are gaps."
      columns={2}
    >
      <div className="lg:col-span-2">
        <DenseToolbar />
        {keys.length > 0 ? (
          <div className="flex flex-wrap items-center gap-1.5 text-xs" role="group" aria-label="Logged keys">
            <span className="text-[var(--muted)]">
              keys (showing {shown.length} of {keys.length}):
            </span>
            {keys.map((k) => (
              <button
                key={k.key}
                type="button"
                aria-pressed={shown.includes(k.key)}
                onClick={() => toggle(k.key)}
                className={`rounded-full border px-2 py-0.5 ${shown.includes(k.key) ? "border-indigo-400 bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : "border-[var(--border)] text-[var(--muted)]"}`}
                title={`${formatCount(k.count)} points, steps ${k.minStep}–${k.maxStep}`}
              >
                {k.key}
              </button>
            ))}
          </div>
        ) : (
          <p className="text-sm text-[var(--muted)]">No training curves logged yet.</p>
        )}
      </div>
      {shown.map((key) => {
        const k = keys.find((x) => x.key === key);
        return (
          <Lazy key={key} title={key} chartKey={key} height={DENSE_HEIGHT + 8}>
            <DensePanel runIds={runIds} metricKey={key} syncId={syncId} version={k ? `${k.count}:${k.maxStep}` : ""} />
          </Lazy>
        );
      })}
    </PanelSection>
  );
}
