// Metric files as points. Long form: one point per row/line with key, step, value (and wall_time).
// Wide form: a step column and one column per metric key (what pandas' to_csv of a history gives).
// Empty cells are missing values (skipped), "nan"/"inf" are the non-finite values. Pure.

export type TPointOut = { key: string; step: number; value: number | "NaN" | "Infinity" | "-Infinity"; wallTime?: number | string };

const TIME_COLUMNS = new Set(["wall_time", "wallTime", "timestamp", "_timestamp", "time"]);
const STEP_COLUMNS = ["step", "_step", "global_step"];

export function toMetricValue(raw: unknown, where: string): TPointOut["value"] {
  if (typeof raw === "number") return raw;
  const text = String(raw).trim().toLowerCase();
  if (text === "nan") return "NaN";
  if (text === "inf" || text === "+inf" || text === "infinity") return "Infinity";
  if (text === "-inf" || text === "-infinity") return "-Infinity";
  const n = Number(text);
  if (text === "" || Number.isNaN(n)) throw new Error(`${where}: "${String(raw)}" is not a number`);
  return n;
}

function toStep(raw: unknown, where: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${where}: step "${String(raw)}" is not a non-negative integer`);
  return n;
}

function toWallTime(raw: unknown): number | string | undefined {
  if (raw === undefined || raw === null || raw === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : String(raw);
}

/** One record (a CSV row as an object, or a JSONL object) as its points. */
export function recordToPoints(record: Record<string, unknown>, where: string): TPointOut[] {
  const wallTime = toWallTime([...TIME_COLUMNS].map((c) => record[c]).find((v) => v !== undefined && v !== ""));
  const stepColumn = STEP_COLUMNS.find((c) => record[c] !== undefined);
  if (!stepColumn) throw new Error(`${where}: no step (columns ${STEP_COLUMNS.join(", ")})`);
  const step = toStep(record[stepColumn], where);
  if (typeof record.key === "string" && "value" in record) {
    return [{ key: record.key, step, value: toMetricValue(record.value, where), ...(wallTime !== undefined ? { wallTime } : {}) }];
  }
  return Object.entries(record)
    .filter(([column, v]) => column !== stepColumn && !TIME_COLUMNS.has(column) && v !== "" && v !== null && v !== undefined)
    .map(([key, v]) => ({ key, step, value: toMetricValue(v, `${where}, ${key}`), ...(wallTime !== undefined ? { wallTime } : {}) }));
}

/** Splits one CSV line (RFC 4180 quotes, no embedded newlines). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}
