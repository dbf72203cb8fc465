/** The path and query of the current page, for the sign-in round trip (so the view survives it). */
export function returnTo(path: string, search: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) params.append(k, value);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
