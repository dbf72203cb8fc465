// How an import names what is wrong in a file: the file, the first few line numbers with the
// offending value (cut short), and how many lines fail in all — never a whole 50 KB line of JSON.

export type TLineError = { line: number; message: string };

const SHOWN = 5;
const VALUE_CHARS = 80;

/** A value as an error message quotes it: JSON, cut to a readable length. */
export function show(value: unknown): string {
  const text = value === undefined ? "undefined" : (JSON.stringify(value) ?? String(value));
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text;
}

export function describeLineErrors(file: string, errors: readonly TLineError[]): string {
  const first = errors.slice(0, SHOWN).map((e) => `  ${file}:${e.line}: ${e.message.slice(0, 300)}`);
  const more = errors.length > SHOWN ? [`  … and ${errors.length - SHOWN} more`] : [];
  return [`${file}: ${errors.length} line${errors.length === 1 ? "" : "s"} cannot be imported; nothing was imported:`, ...first, ...more].join("\n");
}
