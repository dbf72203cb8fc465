import "server-only";

import type { TSqlParam } from "./sql";

const PLACEHOLDER = /(?<![:\w]):([a-zA-Z_]\w*)/g;

/**
 * SQL written with `:name` placeholders (casts `::type` are left alone) → positional `$n` text and the
 * parameter list, in order of first use. Every placeholder must have a value and every value a use, so
 * a renamed field fails at once instead of binding the wrong parameter. (A `:Name` inside a string
 * literal — `to_char(…, 'HH24:MI')` — reads as a placeholder and fails loudly: keep such SQL positional.)
 */
export function namedQuery<TValues extends Record<string, TSqlParam>>(
  text: string,
  values: TValues,
): { text: string; params: TSqlParam[]; position: (name: keyof TValues) => number } {
  const order: string[] = [];
  const positional = text.replace(PLACEHOLDER, (_, name: string) => {
    if (!(name in values)) throw new Error(`SQL placeholder :${name} has no value`);
    let index = order.indexOf(name);
    if (index < 0) index = order.push(name) - 1;
    return `$${index + 1}`;
  });
  const unused = Object.keys(values).filter((name) => !order.includes(name));
  if (unused.length > 0) throw new Error(`SQL values not used by the query: ${unused.join(", ")}`);
  return { text: positional, params: order.map((name) => values[name]!), position: (name) => order.indexOf(name as string) };
}
