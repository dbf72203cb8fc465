// The paper table as CSV (every figure with its n and interval, as fractions) and as LaTeX
// (percentages with two decimals, booktabs, low-n marked with a dagger). Pure.
import type { TMeasure } from "@/lib/metrics/summary-types";

import { toCsv } from "./csv";
import type { TPaperRow, TPaperTable } from "./prepare-paper-table";

const COLUMNS = [
  ["gen_baseline", "genBase"],
  ["gen", "gen"],
  ["gen_delta", "genDelta"],
  ["und", "und"],
  ["non_baseline", "nonBase"],
  ["non", "non"],
  ["non_delta", "nonDelta"],
] as const satisfies readonly (readonly [string, keyof TPaperRow])[];

export function paperTableCsv(table: TPaperTable): string {
  const header = ["subtask", ...COLUMNS.flatMap(([name]) => [name, `${name}_n`, `${name}_lo`, `${name}_hi`, `${name}_low_n`])];
  const rows = table.rows.map((row) => [
    row.scope,
    ...COLUMNS.flatMap(([, field]) => {
      const m = row[field] as TMeasure | null;
      return m ? [m.value, m.n, m.lo, m.hi, m.lowN] : [null, null, null, null, null];
    }),
  ]);
  return toCsv(header, rows);
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

function pct(m: TMeasure | null, signed = false): string {
  if (!m || m.value === null) return "--";
  const v = m.value * 100;
  const text = signed ? `${v > 0 ? "+" : v < 0 ? "$-$" : ""}${Math.abs(v).toFixed(2)}` : v.toFixed(2);
  return m.lowN ? `${text}$^\\dagger$` : text;
}

export function paperTableLatex(table: TPaperTable): string {
  const caption =
    `Gen, Und and Non (\\%) of ${escapeLatex(table.runName)} at step ${table.step ?? "--"} against ${escapeLatex(table.baselineLabel)}. ` +
    `Und is the win rate against the external judge${table.externalJudge ? ` (${escapeLatex(table.externalJudge)})` : ""} on the baseline's images; 50 means no change; $n_{\\mathrm{Und}}$ is the number of disagreements. ` +
    `Overall is the unweighted mean over subtasks. $^\\dagger$: low $n$, not a finding.`;
  const body = table.rows.map((row) => {
    const cells = [
      escapeLatex(row.scope),
      pct(row.genBase),
      pct(row.gen),
      pct(row.genDelta, true),
      pct(row.und),
      row.und ? String(row.und.n) : "--",
      pct(row.nonBase),
      pct(row.non),
      pct(row.nonDelta, true),
    ];
    return `${row.isOverall ? "\\midrule\n" : ""}${cells.join(" & ")} \\\\`;
  });
  return [
    "\\begin{table}[t]",
    "\\centering",
    `\\caption{${caption}}`,
    "\\begin{tabular}{lrrrrrrrr}",
    "\\toprule",
    " & \\multicolumn{3}{c}{Gen $\\uparrow$} & \\multicolumn{2}{c}{Und $\\uparrow$} & \\multicolumn{3}{c}{Non $\\downarrow$} \\\\",
    "\\cmidrule(lr){2-4}\\cmidrule(lr){5-6}\\cmidrule(lr){7-9}",
    "Subtask & base & ckpt & $\\Delta$ & ckpt & $n_{\\mathrm{Und}}$ & base & ckpt & $\\Delta$ \\\\",
    "\\midrule",
    ...body,
    "\\bottomrule",
    "\\end{tabular}",
    "\\end{table}",
    "",
  ].join("\n");
}
