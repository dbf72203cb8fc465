import { formatPercent } from "@/lib/dashboard/format";
import { sparklineDomain, sparklinePath, type TSparkPoint } from "@/lib/runs/sparkline";

const pct = (v: number) => formatPercent(v, 0);

/** The Nonunified score over checkpoints on the row's own range (said in the label); gaps are missing checkpoints. */
export function Sparkline({ points, label }: { points: readonly TSparkPoint[]; label: string }) {
  if (points.length === 0) return <span className="text-xs text-[var(--muted)]">—</span>;
  const domain = sparklineDomain(points);
  const path = sparklinePath(points, 80, 22, 1.5, domain);
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const description = `${label}: Non over ${points.length} checkpoints${values.length ? `, ${pct(values[0]!)} → ${pct(values.at(-1)!)}` : ""}; scale ${pct(domain[0])}–${pct(domain[1])}`;
  return (
    <span className="flex items-center gap-1" title={description}>
      <svg width="80" height="22" role="img" aria-label={description} className="overflow-visible">
        <path d={path} fill="none" stroke="#f43f5e" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
      <span className="flex flex-col text-[9px] leading-[10px] text-[var(--muted)] tabular-nums" aria-hidden>
        <span>{pct(domain[1])}</span>
        <span>{pct(domain[0])}</span>
      </span>
    </span>
  );
}
