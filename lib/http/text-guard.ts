// What PostgreSQL cannot store exactly is refused before anything else reads the input: a NUL
// character (text and jsonb reject U+0000), a lone UTF-16 surrogate (the driver would turn it into
// U+FFFD, silently changing the text) and nesting deeper than any config or spec needs (a 10,000-deep
// array overflows the stack of every recursive reader after JSON.parse). Pure: the route wrapper,
// the server-action wrapper and the tests share it.

/** Deepest nesting accepted in any body (run configs and prompt specs are a few levels deep). */
export const MAX_JSON_DEPTH = 64;

export type TTextProblem = { path: string; message: string };

/** The first problem in a parsed JSON value (keys included), walking iteratively; null when clean. */
export function findUnstorableText(value: unknown, maxDepth = MAX_JSON_DEPTH): TTextProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const problem = checkValue(item.value, item.path, maxDepth);
    if (problem) return problem;
    if (item.value === null || typeof item.value !== "object") continue;
    const entries = Array.isArray(item.value) ? item.value.map((v, i) => [i, v] as const) : Object.entries(item.value);
    // Pushed in reverse so the first offending field is the one reported.
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i]!;
      const keyProblem = typeof key === "string" ? describeText(key) : null;
      if (keyProblem) return { path: formatPath([...item.path, key]), message: `the key ${keyProblem}` };
      stack.push({ value: child, path: [...item.path, key] });
    }
  }
  return null;
}

function checkValue(value: unknown, path: (string | number)[], maxDepth: number): TTextProblem | null {
  if (path.length > maxDepth) return { path: formatPath(path.slice(0, maxDepth + 1)), message: `nesting is deeper than ${maxDepth} levels` };
  if (typeof value !== "string") return null;
  const problem = describeText(value);
  return problem ? { path: formatPath(path), message: `the text ${problem}` } : null;
}

/** Why a string cannot be stored exactly, or null. */
export function describeText(text: string): string | null {
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return `contains a NUL character (\\u0000) at position ${nul}, which PostgreSQL cannot store`;
  if (!text.isWellFormed()) return "contains a lone UTF-16 surrogate (not valid Unicode), which cannot be stored exactly";
  return null;
}

function formatPath(path: (string | number)[]): string {
  return path.join(".");
}
