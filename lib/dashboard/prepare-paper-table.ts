// The paper's table (arXiv 2507.16663, Tables 1–3): one row per run (the baseline first), one
// column group per subtask of one benchmark plus Overall, each group Gen / Und / Non in percent with
// two decimals. Pure: the run page's panel, the Paper table page, the shared comparison and
// GET /api/v1/paper-table all build their table here and render it with export-paper-table.ts.
import { LOW_N_DISAGREEMENTS } from "@/lib/metrics/measure";
import { unweightedMean } from "@/lib/metrics/overall";
import type { TCheckpointSummary, TMeasure, TSubtaskSummary } from "@/lib/metrics/summary-types";

export const PAPER_MEASURES = ["gen", "und", "non"] as const;
export type TPaperMeasure = (typeof PAPER_MEASURES)[number];
export const PAPER_OVERALL = "Overall";

/** Why a cell is marked (†): a rate on fewer than LOW_N images, or an Und on fewer than 10 disagreements. */
export type TPaperMark = "low-n" | "few-disagreements" | null;

export type TPaperCell = {
  /** A fraction (Gen may be a continuous score's mean on its own scale); null = no data. */
  value: number | null;
  n: number;
  lo: number | null;
  hi: number | null;
  /** The value ×100 with two decimals, "--" when missing. */
  text: string;
  /** "[lo, hi]" ×100 with two decimals, null without an interval. */
  interval: string | null;
  mark: TPaperMark;
  /** The baseline's own Und: 50.00 by definition (the reference), not a measurement. */
  isReference: boolean;
};

export type TPaperGroup = Record<TPaperMeasure, TPaperCell>;

export type TPaperRowInput = {
  runId: string;
  runName: string;
  /** The checkpoint shown; null when the run has none evaluated on the benchmark. */
  checkpoint: TCheckpointSummary | null;
  /** The external judge behind this row's Gen and Und on the benchmark. */
  externalJudge: string | null;
};

export type TPaperTableInput = {
  benchmark: string;
  /** Rows in display order; the first is the baseline (its Und is 50.00 by definition). */
  rows: readonly TPaperRowInput[];
  /** How the checkpoint of each row was chosen, said in the caption. */
  checkpointRule: string;
};

export type TPaperRow = {
  runId: string;
  runName: string;
  step: number | null;
  isBaseline: boolean;
  externalJudge: string | null;
  /** One group per subtask column, then Overall. */
  groups: TPaperGroup[];
  /** Set when Overall averages fewer subtasks than the table has columns (a row with missing subtasks). */
  overallNote: string | null;
};

export type TPaperTable = {
  state: "ready" | "empty";
  benchmark: string;
  /** Subtask columns in the benchmark's own order, then "Overall". */
  columns: string[];
  rows: TPaperRow[];
  caption: string;
  /** Every external judge behind the table (one unless runs were judged differently). */
  externalJudges: string[];
};

// The order the benchmarks' own papers print their subtasks in; unknown subtasks follow in the order met.
const SUBTASK_ORDER: Record<string, readonly string[]> = {
  "t2i-compbench": ["color", "shape", "texture", "spatial", "non_spatial", "complex", "3d_spatial", "numeracy"],
  geneval: ["single_object", "two_object", "counting", "colors", "position", "color_attr"],
};

const REFERENCE_UND = 0.5;

function percent(value: number | null): string {
  return value === null ? "--" : (value * 100).toFixed(2);
}

function toCell(m: TMeasure | null, measure: TPaperMeasure): TPaperCell {
  if (!m || m.value === null) return { value: null, n: m?.n ?? 0, lo: null, hi: null, text: "--", interval: null, mark: null, isReference: false };
  const fewDisagreements = measure === "und" && m.n < LOW_N_DISAGREEMENTS;
  const mark: TPaperMark = fewDisagreements ? "few-disagreements" : m.lowN ? "low-n" : null;
  const interval = m.lo !== null && m.hi !== null ? `[${percent(m.lo)}, ${percent(m.hi)}]` : null;
  return { value: m.value, n: m.n, lo: m.lo, hi: m.hi, text: percent(m.value), interval, mark, isReference: false };
}

const REFERENCE_CELL: TPaperCell = {
  value: REFERENCE_UND,
  n: 0,
  lo: null,
  hi: null,
  text: percent(REFERENCE_UND),
  interval: null,
  mark: null,
  isReference: true,
};

/** The subtask columns: every subtask of the benchmark any row has, in the benchmark's own order. */
function listColumns(benchmark: string, rows: readonly TPaperRowInput[]): string[] {
  const met: string[] = [];
  for (const row of rows) for (const s of row.checkpoint?.subtasks ?? []) if (s.benchmark === benchmark && !met.includes(s.subtask)) met.push(s.subtask);
  const order = SUBTASK_ORDER[benchmark] ?? [];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length + met.indexOf(s));
  return met.sort((a, b) => rank(a) - rank(b));
}

/**
 * Overall = the unweighted mean of the row's subtask values (docs/metrics.md#overall). Its interval
 * is the engine's cluster bootstrap, used only when the engine averaged exactly these subtasks (the
 * checkpoint holds no other benchmark) and agrees on the value; otherwise the mean stands without one.
 */
function overallCell(
  checkpoint: TCheckpointSummary,
  subtasks: readonly (TSubtaskSummary | undefined)[],
  measure: TPaperMeasure,
  benchmark: string,
): TPaperCell {
  const present = subtasks.filter((s): s is TSubtaskSummary => s !== undefined && s[measure].value !== null);
  const mean = unweightedMean(present.map((s) => s[measure].value));
  if (mean === null) return toCell(null, measure);
  const engine = checkpoint.overall[measure];
  const isEngineScope = checkpoint.subtasks.every((s) => s.benchmark === benchmark) && engine.value !== null && Math.abs(engine.value - mean) < 1e-9;
  if (isEngineScope) return toCell(engine, measure);
  const n = present.reduce((sum, s) => sum + s[measure].n, 0);
  const lowN = present.some((s) => s[measure].lowN);
  return toCell({ value: mean, n, lo: null, hi: null, lowN }, measure);
}

/** The table: rows as given (baseline first), cells ×100 with two decimals, low n and few disagreements marked. */
export function preparePaperTable(input: TPaperTableInput): TPaperTable {
  const { benchmark } = input;
  const subtaskColumns = listColumns(benchmark, input.rows);
  const rows = input.rows.map((row, index): TPaperRow => {
    const isBaseline = index === 0;
    const checkpoint = row.checkpoint;
    const own = subtaskColumns.map((name) => checkpoint?.subtasks.find((s) => s.benchmark === benchmark && s.subtask === name));
    const group = (source: Pick<TSubtaskSummary, TPaperMeasure> | undefined): TPaperGroup => ({
      gen: toCell(source?.gen ?? null, "gen"),
      und: isBaseline && source ? REFERENCE_CELL : toCell(source?.und ?? null, "und"),
      non: toCell(source?.non ?? null, "non"),
    });
    const overall: TPaperGroup = checkpoint
      ? {
          gen: overallCell(checkpoint, own, "gen", benchmark),
          und: isBaseline && own.some(Boolean) ? REFERENCE_CELL : overallCell(checkpoint, own, "und", benchmark),
          non: overallCell(checkpoint, own, "non", benchmark),
        }
      : group(undefined);
    const count = own.filter(Boolean).length;
    return {
      runId: row.runId,
      runName: row.runName,
      step: checkpoint?.step ?? null,
      isBaseline,
      externalJudge: row.externalJudge,
      groups: [...own.map(group), overall],
      overallNote: count > 0 && count < subtaskColumns.length ? `Overall averages the ${count} of ${subtaskColumns.length} subtasks this row has.` : null,
    };
  });
  const externalJudges = [...new Set(input.rows.map((r) => r.externalJudge).filter((j): j is string => j !== null))].sort();
  const hasData = rows.some((r) => r.groups.some((g) => g.gen.value !== null || g.non.value !== null));
  return {
    state: hasData ? "ready" : "empty",
    benchmark,
    columns: [...subtaskColumns, PAPER_OVERALL],
    rows,
    caption: describeTable(input, externalJudges),
    externalJudges,
  };
}

function describeTable(input: TPaperTableInput, judges: readonly string[]): string {
  const baseline = input.rows[0];
  const judge = judges.length === 0 ? "no external judge" : `external judge ${judges.join(", ")}`;
  return [
    `Gen, Und and Non (%) on ${input.benchmark}; ${judge}.`,
    baseline ? `Und is the win rate against the external judge on the images of the baseline (${baseline.runName}), whose own Und is 50.00 by definition.` : "",
    "Overall is the unweighted mean of the subtasks.",
    input.checkpointRule,
    `† marks a rate on too few images and an Und resting on fewer than ${LOW_N_DISAGREEMENTS} disagreements.`,
  ]
    .filter(Boolean)
    .join(" ");
}
