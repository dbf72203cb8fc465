// Calls server actions over HTTP, as the browser does: POST with the action's id in `Next-Action`
// and its arguments as JSON. Ids come from the build's server-reference manifest (the only way to
// name an action from outside), so tests drive exactly what the forms drive.
import fs from "node:fs";
import path from "node:path";

import type { APIRequestContext } from "@playwright/test";

type TManifest = { node: Record<string, { filename: string; exportedName: string }> };

export type TActionOutcome = {
  status: number;
  /** The action's return value, or null when the server refused to run it (e.g. a cross-origin call). */
  result: { ok: true; data: unknown } | { ok: false; fieldErrors?: Record<string, string[]>; error?: { code: string; message: string } } | null;
};

let manifest: Map<string, { id: string; filename: string }> | undefined;

/** Every server action of the build: exported name → id and defining file. */
export function serverActions(): Map<string, { id: string; filename: string }> {
  if (manifest) return manifest;
  const file = path.resolve(".next/server/server-reference-manifest.json");
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as TManifest;
  manifest = new Map(Object.entries(parsed.node).map(([id, entry]) => [entry.exportedName, { id, filename: entry.filename }]));
  return manifest;
}

/** The value of row `a` of a React Flight response (the action's result). */
function parseFlight(text: string): TActionOutcome["result"] {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
  const ref = head?.a?.startsWith("$@") ? head.a.slice(2) : null;
  const row = ref ? rows.get(ref) : undefined;
  if (!row || row.startsWith("E")) return null;
  return JSON.parse(row) as TActionOutcome["result"];
}

export async function callAction(
  request: APIRequestContext,
  baseURL: string,
  name: string,
  input: unknown,
  options: { origin?: string; headers?: Record<string, string> } = {},
): Promise<TActionOutcome> {
  const action = serverActions().get(name);
  if (!action) throw new Error(`No server action named ${name} in this build.`);
  const response = await request.post("/", {
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: options.origin ?? baseURL,
      ...options.headers,
    },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  const text = await response.text();
  return { status: response.status(), result: response.headers()["content-type"]?.includes("text/x-component") ? parseFlight(text) : null };
}
