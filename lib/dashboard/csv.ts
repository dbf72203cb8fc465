// CSV of exactly what a chart or table shows. Pure. RFC 4180 quoting; numbers keep full precision;
// missing values are empty cells, never 0.

export type TCsvCell = string | number | boolean | null | undefined;

export function csvCell(value: TCsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet: prefix a quote (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly TCsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
