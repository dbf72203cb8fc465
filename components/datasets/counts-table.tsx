import type { TSubtaskCounts } from "@/lib/datasets/types";

/** Counts per subtask and overall: prompts, candidates, accepted, images or pairs, discard pool. */
export function CountsTable({ counts, isDpo }: { counts: { overall: TSubtaskCounts; subtasks: TSubtaskCounts[] }; isDpo: boolean }) {
  const rows = [...counts.subtasks, counts.overall];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-xs tabular-nums" data-testid="dataset-counts">
        <thead>
          <tr className="text-left text-[var(--muted)]">
            <th className="px-2 py-1 font-medium">subtask</th>
            <th className="px-2 py-1 text-right font-medium">prompts</th>
            <th className="px-2 py-1 text-right font-medium">candidates</th>
            <th className="px-2 py-1 text-right font-medium">accepted</th>
            <th className="px-2 py-1 text-right font-medium">{isDpo ? "pairs" : "images"}</th>
            <th className="px-2 py-1 text-right font-medium">pool</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const isOverall = r.subtask === "overall";
            return (
              <tr
                key={r.subtask}
                data-subtask={r.subtask}
                className={isOverall ? "border-t-2 border-[var(--border)] font-semibold" : "border-t border-[var(--border)]"}
              >
                <th scope="row" className="px-2 py-1 text-left font-medium">
                  {isOverall ? "Overall" : r.subtask}
                </th>
                <td className="px-2 py-1 text-right">{r.prompts}</td>
                <td className="px-2 py-1 text-right">{r.candidates}</td>
                <td className="px-2 py-1 text-right">{r.accepted}</td>
                <td className="px-2 py-1 text-right" data-testid={isOverall ? "overall-items" : undefined}>
                  {r.items}
                </td>
                <td className="px-2 py-1 text-right">{r.pool}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The pass-rate histogram |accepted|/N per prompt, ten bins, as bars with their counts. */
export function PassRateHistogram({ bins }: { bins: readonly number[] }) {
  const max = Math.max(1, ...bins);
  return (
    <figure className="text-xs" aria-label="Pass rate per prompt">
      <div className="flex h-20 items-end gap-1">
        {bins.map((n, i) => (
          <div key={i} className="flex flex-1 flex-col items-center justify-end gap-0.5" title={`${i * 10}–${i === 9 ? 100 : i * 10 + 10}%: ${n} prompts`}>
            <span className="tabular-nums text-[10px] text-[var(--muted)]">{n}</span>
            <div className="w-full rounded-t bg-indigo-500/80" style={{ height: `${(n / max) * 56}px` }} />
          </div>
        ))}
      </div>
      <figcaption className="mt-1 flex justify-between text-[10px] text-[var(--muted)]">
        <span>pass rate 0%</span>
        <span>prompts per 10% bin</span>
        <span>100%</span>
      </figcaption>
    </figure>
  );
}
