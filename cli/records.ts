import fs from "node:fs";

import { describeLineErrors, type TLineError } from "./line-errors";
import { splitCsvLine } from "./metric-rows";

export type TRecord = { line: number; record: Record<string, unknown> };

/** A CSV (header row) or JSON-lines file as records with their line numbers; a broken line fails the file. */
export function readRecords(file: string): TRecord[] {
  const isCsv = /\.csv$/i.test(file);
  const lines = fs.readFileSync(file, "utf8").split(/\r?\n/);
  const records: TRecord[] = [];
  const errors: TLineError[] = [];
  let header: string[] | null = null;
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    if (isCsv && !header) {
      header = splitCsvLine(text).map((h) => h.trim());
      return;
    }
    if (header) {
      const cells = splitCsvLine(text);
      records.push({ line: i + 1, record: Object.fromEntries(header.map((h, k) => [h, cells[k]?.trim() ?? ""])) });
      return;
    }
    try {
      const value: unknown = JSON.parse(text);
      if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error("not a JSON object");
      records.push({ line: i + 1, record: value as Record<string, unknown> });
    } catch (error) {
      errors.push({ line: i + 1, message: `not JSON (${(error as Error).message.slice(0, 80)})` });
    }
  });
  if (errors.length > 0) throw new Error(describeLineErrors(file, errors));
  if (records.length === 0) throw new Error(`${file}: no records`);
  return records;
}
