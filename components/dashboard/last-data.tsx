"use client";

import { useSyncExternalStore } from "react";

import { Badge } from "@/components/ui/badge";
import { isRunStalled, type TRunLiveness } from "@/lib/runs/stalled";

function ago(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

// A clock that ticks once a second while something shows it; null on the server and while hydrating.
let clock = Date.now();
function subscribeToClock(onTick: () => void): () => void {
  clock = Date.now();
  const timer = setInterval(() => {
    clock = Date.now();
    onTick();
  }, 1000);
  return () => clearInterval(timer);
}
function readClock(): number {
  return clock;
}

/**
 * "last data N s ago", ticking in the browser, and a "stalled" mark once a running run has sent neither
 * data nor a heartbeat for `stalledAfterMinutes` (lib/runs/stalled.ts decides). The browser's clock starts
 * after hydration, so the server's HTML and the first client render agree.
 */
export function LastData({ run, stalledAfterMinutes }: { run: TRunLiveness; stalledAfterMinutes: number }) {
  const now = useSyncExternalStore(subscribeToClock, readClock, () => null);
  const stalled = now !== null && isRunStalled(run, now, stalledAfterMinutes);
  const since = run.lastDataAt === null ? "no data yet" : now === null ? "last data …" : `last data ${ago(now - Date.parse(run.lastDataAt))}`;
  return (
    <span className="inline-flex items-center gap-2 text-xs text-[var(--muted)]">
      <span data-testid="last-data" className="tabular-nums" title={run.lastDataAt ?? undefined}>
        {since}
      </span>
      {stalled ? (
        <Badge tone="warn" title={`Running, but no data or heartbeat for ${stalledAfterMinutes} min (UNIGAP_STALLED_MINUTES)`}>
          stalled
        </Badge>
      ) : null}
    </span>
  );
}
