import { Fragment } from "react";

import { PAPER_MEASURES, type TPaperCell, type TPaperMeasure, type TPaperTable } from "@/lib/dashboard/prepare-paper-table";

const HEAD: Record<TPaperMeasure, string> = { gen: "Gen ↑", und: "Und ↑", non: "Non ↓" };
const LONG: Record<TPaperMeasure, string> = { gen: "Gen", und: "Und", non: "Non" };

function describeCell(cell: TPaperCell, measure: TPaperMeasure, column: string): string {
  if (cell.isReference) return `${LONG[measure]} ${column}: 50.00 by definition (the baseline is the reference)`;
  if (cell.value === null) return `${LONG[measure]} ${column}: no data (n=${cell.n})`;
  const what = measure === "und" ? `${cell.n} disagreements` : `n=${cell.n}`;
  const mark = cell.mark === "few-disagreements" ? " · fewer than 10 disagreements" : cell.mark === "low-n" ? " · low n" : "";
  return `${LONG[measure]} ${column}: ${cell.text} · ${what} · 95% ${cell.interval ?? "no interval"}${mark}`;
}

function Cell({
  cell,
  measure,
  column,
  showIntervals,
  isGroupStart,
}: {
  cell: TPaperCell;
  measure: TPaperMeasure;
  column: string;
  showIntervals: boolean;
  isGroupStart: boolean;
}) {
  return (
    <td
      className={`py-1 pr-2.5 pl-1.5 text-right align-top whitespace-nowrap ${isGroupStart ? "pl-4" : ""} ${cell.value === null ? "text-[var(--muted)]" : ""}`}
      title={describeCell(cell, measure, column)}
      data-measure={measure}
      data-column={column}
    >
      <span className="relative">
        {cell.text}
        {cell.mark ? (
          <sup className="absolute left-full top-0 text-amber-600" aria-label={cell.mark === "low-n" ? "low n" : "fewer than 10 disagreements"}>
            †
          </sup>
        ) : null}
      </span>
      {showIntervals ? <span className="block text-[10px] leading-tight text-[var(--muted)]">{cell.interval ?? (cell.isReference ? "ref." : "—")}</span> : null}
    </td>
  );
}

/**
 * The paper table as the paper prints it: runs as rows (the baseline first, set off by a rule),
 * a Gen / Und / Non group per subtask and Overall, booktabs-like rules, tabular figures, † marks.
 * Renders a model from prepare-paper-table.ts and decides nothing.
 */
export function PaperTableView({ table, showIntervals }: { table: TPaperTable; showIntervals: boolean }) {
  const notes = table.rows.filter((r) => r.overallNote).map((r) => `${r.runName}: ${r.overallNote}`);
  return (
    <figure className="overflow-x-auto">
      <figcaption className="mb-2 max-w-[80ch] text-xs leading-relaxed text-[var(--muted)]">{table.caption}</figcaption>
      <table className="border-collapse font-serif text-[13px] tabular-nums" aria-label={`Paper table: ${table.benchmark}`} data-testid="paper-table">
        <thead>
          <tr className="border-t-2 border-[var(--text)]">
            <th rowSpan={2} scope="col" className="px-2 pt-1.5 pb-1 text-left align-bottom font-semibold">
              Model
            </th>
            {table.columns.map((c) => (
              <th key={c} colSpan={3} scope="colgroup" className="px-1.5 pt-1.5 pl-4 text-center font-semibold">
                <span className="block border-b border-[var(--border)] pb-0.5">{c}</span>
              </th>
            ))}
          </tr>
          <tr className="border-b border-[var(--text)]">
            {table.columns.map((c) =>
              PAPER_MEASURES.map((m, i) => (
                <th key={`${c}:${m}`} scope="col" className={`pr-2.5 pb-1 pl-1.5 text-right text-xs font-medium whitespace-nowrap ${i === 0 ? "pl-4" : ""}`}>
                  {HEAD[m]}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody className="border-b-2 border-[var(--text)]">
          {table.rows.map((row, index) => (
            <tr key={`${index}:${row.runId}@${row.step}`} className={index === 1 ? "border-t border-[var(--text)]" : ""} data-run={row.runName}>
              <th scope="row" className="px-2 py-1 text-left align-top font-normal whitespace-nowrap">
                {row.runName}
                <span className="ml-1 text-xs text-[var(--muted)]">{row.step === null ? "no checkpoint" : `@ ${row.step}`}</span>
              </th>
              {row.groups.map((group, g) => (
                <Fragment key={table.columns[g]}>
                  {PAPER_MEASURES.map((m, i) => (
                    <Cell key={m} cell={group[m]} measure={m} column={table.columns[g]!} showIntervals={showIntervals} isGroupStart={i === 0} />
                  ))}
                </Fragment>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {notes.length ? (
        <ul className="mt-2 text-xs text-[var(--muted)]">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
