// Everything a caller can reach, read from the source tree: route handlers (with their methods),
// pages and server actions. The guard test compares it with the matrix, so a route, page or action
// that someone adds later fails the suite until it has a row.
import fs from "node:fs";
import path from "node:path";

const APP = path.resolve("app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** "app/api/v1/runs/[runId]/route.ts" → "/api/v1/runs/[runId]"; route groups and private folders vanish. */
function urlPattern(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

function isPrivate(file: string): boolean {
  return path
    .relative(APP, file)
    .split(path.sep)
    .some((segment) => segment.startsWith("_"));
}

function exportedMethods(source: string): string[] {
  const direct = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g)].map((m) => m[1]!);
  const renamed = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => [...m[1]!.matchAll(/\bas\s+([A-Z]+)\b/g)].map((n) => n[1]!));
  return [...direct, ...renamed].filter((name) => METHODS.includes(name));
}

export function appSurface(): string[] {
  const keys: string[] = [];
  for (const file of walk(APP)) {
    const source = fs.readFileSync(file, "utf8");
    const base = path.basename(file);
    if (!isPrivate(file) && /^route\.tsx?$/.test(base)) keys.push(...exportedMethods(source).map((method) => `${method} ${urlPattern(file)}`));
    if (!isPrivate(file) && /^page\.tsx?$/.test(base)) keys.push(`page ${urlPattern(file)}`);
    // Server actions are callable from anywhere once imported, private folder or not.
    if (/^\s*["']use server["']/.test(source)) {
      keys.push(...[...source.matchAll(/export\s+(?:const|async\s+function)\s+(\w+)/g)].map((m) => `action ${m[1]}`));
    }
  }
  return keys.sort();
}
