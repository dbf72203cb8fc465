import Link from "next/link";

import type { TRoundLedger } from "@/lib/datasets/recipe";

/**
 * The curriculum ledger: per round, the pool before, the prompts admitted and those still waiting.
 * The last round's "remaining" is this dataset's pool; with `poolHref` it links to the pool view.
 */
export function LedgerTable({ ledger, poolHref }: { ledger: TRoundLedger[]; poolHref?: string }) {
  return (
    <table className="w-full text-xs tabular-nums" data-testid="dataset-ledger">
      <thead>
        <tr className="text-left text-[var(--muted)]">
          <th className="px-2 py-1 font-medium">round</th>
          <th className="px-2 py-1 font-medium">step</th>
          <th className="px-2 py-1 text-right font-medium">pool before</th>
          <th className="px-2 py-1 text-right font-medium">admitted</th>
          <th className="px-2 py-1 text-right font-medium">remaining in pool</th>
        </tr>
      </thead>
      <tbody>
        {ledger.map((r, i) => (
          <tr key={r.round} className="border-t border-[var(--border)]">
            <td className="px-2 py-1">{r.round}</td>
            <td className="px-2 py-1">{r.step}</td>
            <td className="px-2 py-1 text-right">{r.round === 0 ? "—" : r.poolBefore}</td>
            <td className="px-2 py-1 text-right">{r.admitted}</td>
            <td className="px-2 py-1 text-right">
              {poolHref && i === ledger.length - 1 ? (
                <Link
                  href={poolHref}
                  className="text-indigo-700 hover:underline dark:text-indigo-300"
                  data-testid="ledger-pool-link"
                  title="See the pool's prompts"
                >
                  {r.remaining}
                </Link>
              ) : (
                r.remaining
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
