import { MeasureCell, ScopeRow } from "@/components/dashboard/measure-cell";
import { formatPercent } from "@/lib/dashboard/format";
import type { TGate, TRisk } from "@/lib/datasets/gate";

/** The gate per subtask and overall: precision against the external judge and the annotators, DPO pair agreement, coverage; each with n and 95% interval. */
export function GateTable({ gate, risk, isDpo }: { gate: TGate; risk: TRisk; isDpo: boolean }) {
  const rows = [...gate.subtasks, gate.overall];
  return (
    <div className="flex flex-col gap-3" data-testid="gate">
      {risk.atRisk ? (
        <div role="alert" className="rounded-md border-2 border-rose-500 bg-rose-50 p-3 text-sm text-rose-900 dark:bg-rose-950/60 dark:text-rose-100">
          <p className="font-semibold">⚠ At risk of co-degradation</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {risk.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-100">
          Passes the gate: no precision interval lies wholly below {formatPercent(gate.threshold, 0)} and independent judges cover at least 20% of the chosen
          images.
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-xs">
          <thead>
            <tr className="text-left text-[var(--muted)]">
              <th className="px-2 py-1 font-medium">subtask</th>
              <th className="px-2 py-1 text-right font-medium">{isDpo ? "pairs" : "images"}</th>
              <th className="px-2 py-1 text-right font-medium">precision (external)</th>
              <th className="px-2 py-1 text-right font-medium">precision (human labels)</th>
              {isDpo ? <th className="px-2 py-1 text-right font-medium">pair agreement</th> : null}
              <th className="px-2 py-1 text-right font-medium">coverage</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <ScopeRow key={r.subtask} scope={r.subtask === "overall" ? "Overall" : r.subtask} isOverall={r.subtask === "overall"}>
                <td className="px-2 py-1 text-right tabular-nums">{r.chosen}</td>
                <MeasureCell m={r.precision} showInterval />
                <MeasureCell m={r.humanPrecision} showInterval />
                {isDpo ? <MeasureCell m={r.pairAgreement} showInterval /> : null}
                <MeasureCell m={r.coverage} showInterval />
              </ScopeRow>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-[var(--muted)]">
        Threshold {formatPercent(gate.threshold, 0)} (a project setting): a set is at risk when a precision&apos;s whole 95% interval lies below it, or when
        independent judges cover under 20% of its chosen images. † low n (n &lt; 30).
      </p>
    </div>
  );
}
