// The paper table as CSV (long form: one line per run × column × measure, every figure with its
// n, interval and mark) and as a standalone LaTeX document (booktabs, percentages with two
// decimals, † on low n). Pure: the panel's buttons, the Paper table page and the API share it.
import { toCsv } from "./csv";
import { PAPER_MEASURES, type TPaperCell, type TPaperTable } from "./prepare-paper-table";

export type TPaperRenderOptions = { intervals: boolean };

const CSV_HEADER = ["run_id", "run", "step", "is_baseline", "benchmark", "subtask", "measure", "value", "n", "lo", "hi", "shown", "mark"] as const;

function markOf(cell: TPaperCell): string {
  return cell.isReference ? "reference" : (cell.mark ?? "");
}

/** Long form, so a spreadsheet or pandas pivots it at will; values and bounds are fractions at full precision, `shown` is the table's text. */
export function paperTableCsv(table: TPaperTable): string {
  const lines = table.rows.flatMap((row) =>
    row.groups.flatMap((group, i) =>
      PAPER_MEASURES.map((measure) => {
        const cell = group[measure];
        return [
          row.runId,
          row.runName,
          row.step,
          row.isBaseline,
          table.benchmark,
          table.columns[i],
          measure,
          cell.value,
          cell.n,
          cell.lo,
          cell.hi,
          cell.text,
          markOf(cell),
        ];
      }),
    ),
  );
  return toCsv(CSV_HEADER, lines);
}

const LATEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

export function escapeLatex(text: string): string {
  return text.replace(/[\\&%$#_{}~^]/g, (c) => LATEX_SPECIALS[c]!);
}

const DAGGER = "\\rlap{$^\\dagger$}";

function latexCell(cell: TPaperCell): string {
  return cell.mark ? `${cell.text}${DAGGER}` : cell.text;
}

function latexInterval(cell: TPaperCell): string {
  return cell.interval ? `{\\scriptsize ${cell.interval}}` : "";
}

function rowLabel(row: TPaperTable["rows"][number]): string {
  return `${escapeLatex(row.runName)}${row.step === null ? "" : ` (step ${row.step})`}`;
}

/**
 * A document that compiles on its own (article + booktabs + graphicx); the table environment between
 * the markers is what goes into a paper. Wider than the line, the tabular is scaled down to it.
 */
export function paperTableLatex(table: TPaperTable, options: TPaperRenderOptions = { intervals: false }): string {
  const groups = table.columns.length;
  const spec = `@{}l${" rrr".repeat(groups)}@{}`;
  const heads = table.columns.map((c) => `\\multicolumn{3}{c}{${escapeLatex(c)}}`).join(" & ");
  const rules = table.columns.map((_, i) => `\\cmidrule(lr){${2 + 3 * i}-${4 + 3 * i}}`).join("");
  const measures = table.columns.map(() => "Gen$\\uparrow$ & Und$\\uparrow$ & Non$\\downarrow$").join(" & ");
  // The baseline's line(s) are set off from the runs measured against it, as the paper does.
  const rows = table.rows.flatMap((row, index) => {
    const cells = row.groups.flatMap((g) => PAPER_MEASURES.map((m) => latexCell(g[m])));
    const lines = [`${index === 1 ? "\\midrule\n" : ""}${rowLabel(row)} & ${cells.join(" & ")} \\\\`];
    if (options.intervals) lines.push(` & ${row.groups.flatMap((g) => PAPER_MEASURES.map((m) => latexInterval(g[m]))).join(" & ")} \\\\`);
    return lines;
  });
  const caption = escapeLatex(table.caption).replace(/†/g, "$^\\dagger$");
  return [
    "\\documentclass{article}",
    "\\usepackage{booktabs}",
    "\\usepackage{graphicx}",
    "\\begin{document}",
    "% --- the table: copy from here ---",
    "\\begin{table}[t]",
    "\\centering",
    `\\caption{${caption}}`,
    "\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%",
    `\\begin{tabular}{${spec}}`,
    "\\toprule",
    ` & ${heads} \\\\`,
    rules,
    `Model & ${measures} \\\\`,
    "\\midrule",
    ...rows,
    "\\bottomrule",
    "\\end{tabular}}",
    "\\end{table}",
    "% --- to here ---",
    "\\end{document}",
    "",
  ].join("\n");
}

/** The downloadable file of a table: its text, media type and a file name from the benchmark. */
export function paperTableFile(
  table: TPaperTable,
  format: "csv" | "latex",
  options: TPaperRenderOptions,
): { body: string; contentType: string; fileName: string } {
  const stem = `paper-table-${
    table.benchmark
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "table"
  }`;
  return format === "csv"
    ? { body: paperTableCsv(table), contentType: "text/csv; charset=utf-8", fileName: `${stem}.csv` }
    : { body: paperTableLatex(table, options), contentType: "application/x-tex; charset=utf-8", fileName: `${stem}.tex` };
}
