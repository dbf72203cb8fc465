"use client";

import { useState } from "react";

import { Select } from "@/components/ui/select";
import { Button } from "@/components/ui/button";
import { X_AXES, type TXAxis } from "@/lib/series/types";

import { useViewState } from "./use-view-state";

const X_LABEL: Record<TXAxis, string> = { step: "Step", epoch: "Epoch", time: "Relative time" };

/** Axis, smoothing and zoom for every dense panel on the page (they share one x range). */
export function DenseToolbar() {
  const [view, setView] = useViewState();
  const isZoomed = view.from !== undefined || view.to !== undefined;
  return (
    <div
      className="mb-3 flex flex-wrap items-end gap-4 rounded-lg border border-[var(--border)] bg-[var(--panel)] px-3 py-2 text-sm"
      role="toolbar"
      aria-label="Training curves"
    >
      <label className="flex flex-col gap-0.5 text-xs text-[var(--muted)]">
        x axis
        <Select value={view.x} onChange={(e) => setView({ x: e.target.value as TXAxis })} className="h-8">
          {X_AXES.map((x) => (
            <option key={x} value={x}>
              {X_LABEL[x]}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex flex-col gap-0.5 text-xs text-[var(--muted)]">
        <span>
          smoothing (EMA overlay): <span className="font-medium text-[var(--text)]">{view.smooth > 0 ? view.smooth.toFixed(2) : "off"}</span>
        </span>
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={view.smooth}
          onChange={(e) => setView({ smooth: Number(e.target.value) })}
          className="w-40 accent-indigo-600"
          aria-label="EMA smoothing weight"
        />
      </label>
      <RangeForm key={`${view.from}:${view.to}`} from={view.from} to={view.to} onApply={(from, to) => setView({ from, to })} />
      {isZoomed ? (
        <Button variant="ghost" size="sm" onClick={() => setView({ from: undefined, to: undefined })}>
          Reset zoom ({view.from ?? "start"}–{view.to ?? "end"})
        </Button>
      ) : (
        <span className="text-xs text-[var(--muted)]">Drag across a chart to zoom; the server re-buckets the range.</span>
      )}
    </div>
  );
}

/** Step range typed in (the keyboard's way to zoom); re-created whenever the URL's range changes. */
function RangeForm({ from: initialFrom, to: initialTo, onApply }: { from?: number; to?: number; onApply: (from?: number, to?: number) => void }) {
  const [from, setFrom] = useState(initialFrom?.toString() ?? "");
  const [to, setTo] = useState(initialTo?.toString() ?? "");
  const parse = (v: string) => {
    const n = Math.trunc(Number(v));
    return v.trim() === "" || !Number.isFinite(n) ? undefined : n;
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onApply(parse(from), parse(to));
      }}
      className="flex items-end gap-2"
    >
      <label className="flex flex-col gap-0.5 text-xs text-[var(--muted)]">
        from step
        <input
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          inputMode="numeric"
          className="h-8 w-24 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-sm text-[var(--text)]"
        />
      </label>
      <label className="flex flex-col gap-0.5 text-xs text-[var(--muted)]">
        to step
        <input
          value={to}
          onChange={(e) => setTo(e.target.value)}
          inputMode="numeric"
          className="h-8 w-24 rounded-md border border-[var(--border)] bg-[var(--panel)] px-2 text-sm text-[var(--text)]"
        />
      </label>
      <Button type="submit" variant="secondary" size="sm">
        Zoom
      </Button>
    </form>
  );
}
