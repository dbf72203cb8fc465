import Link from "next/link";

import type { THeatCell, THeatmapModel } from "@/lib/dashboard/prepare-heatmap";

/**
 * Subtask × checkpoint cells as a table: each cell is a link to the samples behind it (keyboard
 * reachable), with its value, n and a "low n" mark; the full interval is in its title.
 */
export function HeatmapGrid({ model, caption }: { model: THeatmapModel; caption: string }) {
  return (
    <div className="overflow-x-auto pb-2">
      <table className="border-separate border-spacing-0.5 text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="px-2 text-left font-medium text-[var(--muted)]">
              subtask \ step
            </th>
            {model.steps.map((step) => (
              <th key={step} scope="col" className="px-1 text-center font-medium tabular-nums text-[var(--muted)]">
                {step}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.subtask}>
              <th scope="row" className="whitespace-nowrap px-2 text-left font-medium">
                {row.subtask}
              </th>
              {row.cells.map((cell) => (
                <td key={cell.step} className="p-0">
                  <CellBody cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellBody({ cell }: { cell: THeatCell }) {
  const className = `flex h-10 min-w-16 flex-col items-center justify-center rounded px-1 tabular-nums ${cell.textTone === "light" ? "text-white" : "text-[var(--text)]"} ${cell.lowN ? "border border-dashed border-amber-500" : ""}`;
  const body = (
    <>
      <span className="font-medium">{cell.label}</span>
      <span className={cell.textTone === "light" ? "text-white/80" : "text-[var(--muted)]"}>
        n={cell.n}
        {cell.lowN ? " · low" : ""}
      </span>
    </>
  );
  if (cell.href === null) {
    return (
      <div title={cell.title} aria-label={cell.title} className={className} style={{ background: cell.background }}>
        {body}
      </div>
    );
  }
  return (
    <Link
      href={cell.href}
      title={cell.title}
      aria-label={cell.title}
      className={`${className} outline-offset-1 hover:ring-2 hover:ring-indigo-400 focus-visible:outline-2 focus-visible:outline-indigo-500`}
      style={{ background: cell.background }}
    >
      {body}
    </Link>
  );
}
