// Number formatting for the dashboard. Pure. Rates are fractions in [0, 1] shown as percentages;
// null is "—", never 0.
import type { TMeasure } from "@/lib/metrics/summary-types";

export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "—" : `${(value * 100).toFixed(digits)}%`;
}

/** A difference of rates in percentage points, always signed. */
export function formatPoints(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const pp = value * 100;
  return `${pp > 0 ? "+" : pp < 0 ? "−" : "±"}${Math.abs(pp).toFixed(digits)} pp`;
}

export function formatInterval(lo: number | null, hi: number | null, digits = 1, points = false): string {
  if (lo === null || hi === null) return "no interval";
  const f = (v: number) => (v * 100).toFixed(digits);
  return `[${f(lo)}, ${f(hi)}]${points ? " pp" : "%"}`;
}

/** "43.3% [38.1, 48.9]%, n = 300 (low n)": a rate is never shown without its n and interval. */
export function describeMeasure(m: TMeasure, digits = 1): string {
  if (m.value === null) return `no data (n = ${m.n})`;
  return `${formatPercent(m.value, digits)} ${formatInterval(m.lo, m.hi, digits)}, n = ${m.n}${m.lowN ? " (low n)" : ""}`;
}

export function describeDelta(m: TMeasure, digits = 1): string {
  if (m.value === null) return `no data (n = ${m.n})`;
  return `${formatPoints(m.value, digits)} ${formatInterval(m.lo, m.hi, digits, true)}, n = ${m.n}${m.lowN ? " (low n)" : ""}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
