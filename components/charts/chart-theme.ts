// Shared Recharts styling that follows the light/dark theme through CSS variables.

export const AXIS_PROPS = {
  stroke: "var(--muted)",
  tick: { fill: "var(--muted)", fontSize: 11 },
  tickLine: false,
} as const;

export const GRID_PROPS = { stroke: "var(--border)", strokeDasharray: "3 3" } as const;

export const TOOLTIP_CLASS = "rounded-md border border-[var(--border)] bg-[var(--panel)] px-2.5 py-1.5 text-xs shadow-md";

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(2);
  return Number(v.toPrecision(4)).toString();
}

export function formatStep(v: number): string {
  return Math.abs(v) >= 10_000 ? `${Number((v / 1000).toPrecision(4))}k` : String(Math.round(v * 100) / 100);
}

export function formatPercentTick(v: number): string {
  return `${Math.round(v * 100)}%`;
}

/** Relative time in seconds as s, min or h, so long runs read at a glance. */
export function formatSeconds(v: number): string {
  const a = Math.abs(v);
  if (a < 120) return `${Math.round(v)}s`;
  if (a < 7200) return `${Number((v / 60).toPrecision(3))}m`;
  return `${Number((v / 3600).toPrecision(3))}h`;
}
