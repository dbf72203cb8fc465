import { sparklinePath, type TSparkPoint } from "@/lib/runs/sparkline";

/** The Nonunified score over checkpoints, 0–100% tall; gaps are missing checkpoints. */
export function Sparkline({ points, label }: { points: readonly TSparkPoint[]; label: string }) {
  if (points.length === 0) return <span className="text-xs text-[var(--muted)]">—</span>;
  const path = sparklinePath(points, 88, 22);
  const last = [...points].reverse().find((p) => p.value !== null);
  return (
    <svg width="88" height="22" role="img" aria-label={`${label}: Non over ${points.length} checkpoints${last?.value != null ? `, latest ${(last.value * 100).toFixed(1)}%` : ""}`} className="overflow-visible">
      <line x1="0" y1="11" x2="88" y2="11" stroke="var(--border)" strokeDasharray="2 2" />
      <path d={path} fill="none" stroke="#f43f5e" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
