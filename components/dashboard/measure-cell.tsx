import type { ReactNode } from "react";

import { describeDelta, describeMeasure, formatInterval, formatPercent, formatPoints } from "@/lib/dashboard/format";
import type { TMeasure } from "@/lib/metrics/summary-types";

/** One rate (or difference, in pp) in a table cell: value, † when low n, its n, optionally its interval; the full description on hover. */
export function MeasureCell({ m, delta = false, showInterval = false }: { m: TMeasure | null; delta?: boolean; showInterval?: boolean }) {
  if (!m || m.value === null) return <td className="px-2 py-1 text-right text-[var(--muted)]">{m ? `— n=${m.n}` : "—"}</td>;
  return (
    <td className="px-2 py-1 text-right tabular-nums" title={delta ? describeDelta(m) : describeMeasure(m)}>
      <span className={m.lowN ? "text-[var(--muted)]" : ""}>{delta ? formatPoints(m.value) : formatPercent(m.value)}</span>
      {m.lowN ? (
        <sup className="text-amber-600" aria-label="low n">
          †
        </sup>
      ) : null}
      <span className="block text-[10px] text-[var(--muted)]">
        {showInterval ? `${formatInterval(m.lo, m.hi, 1, delta)} ` : ""}n={m.n}
      </span>
    </td>
  );
}

/** A subtask row of a figures table; Overall is set off with a heavier rule. */
export function ScopeRow({ scope, isOverall, children }: { scope: string; isOverall: boolean; children: ReactNode }) {
  return (
    <tr className={isOverall ? "border-t-2 border-[var(--border)] font-semibold" : "border-t border-[var(--border)]"}>
      <th scope="row" className="px-2 py-1 text-left font-medium">
        {scope}
      </th>
      {children}
    </tr>
  );
}
