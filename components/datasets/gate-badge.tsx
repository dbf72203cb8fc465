import { Badge } from "@/components/ui/badge";
import { describeMeasure, formatInterval, formatPercent } from "@/lib/dashboard/format";
import type { TGate, TRisk } from "@/lib/datasets/gate";

/** Pass or at risk, with the precision against the external judge, its interval and n beside it. */
export function GateBadge({ gate, risk, acknowledged = false }: { gate: TGate; risk: TRisk; acknowledged?: boolean }) {
  const p = gate.overall.precision;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="gate-badge" data-risk={risk.atRisk ? "at-risk" : "pass"}>
      {risk.atRisk ? <Badge tone="bad">at risk{acknowledged ? " · acknowledged" : ""}</Badge> : <Badge tone="good">pass</Badge>}
      <span className="text-xs tabular-nums" title={describeMeasure(p)}>
        {formatPercent(p.value)} <span className="text-[var(--muted)]">{formatInterval(p.lo, p.hi)}</span> <span className="text-[var(--muted)]">n={p.n}</span>
      </span>
    </span>
  );
}
