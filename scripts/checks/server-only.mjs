// `import "server-only"` heads every module that touches the database, the file system, sessions or
// secrets (and every repository and service), so a client component that imports one fails the build.
// dependency-cruiser sees imports, not their order; this check reads each module of lib/ and prisma/
// and fails when such a module's first import is anything else. Run by `npm run lint` and `npm test`.
import fs from "node:fs";
import path from "node:path";

const ROOTS = ["lib", "prisma"];
// lib/api-client/ is the stand-alone TypeScript client (the CLI runs it outside the server).
const SKIP = /(^|\/)(generated|testing|node_modules|api-client)\/|\.test\.tsx?$|\.d\.ts$/;
// What makes a module server-only: its name, or a value import of one of these.
// lib/db/: all of it but the pure configuration and the SQL interface's types.
const SERVER_NAME = /(^|\/)[^/]*(repository|service)\.ts$|^lib\/db\/(?!config\.ts$|sql\.ts$)[^/]+\.ts$/;
const SERVER_IMPORTS = [
  [/^(node:)?fs(\/promises)?$/, "the file system"],
  [/^(node:)?crypto$/, "secrets"],
  [/^(pg|pg-copy-streams|@electric-sql\/pglite(\/.*)?|pglite-prisma-adapter|@prisma\/adapter-pg)$/, "a database driver"],
  [/(^@\/lib\/db\/|^\.\.?\/(.*\/)?(client|open|start|sql-pg|sql-pglite|copy|transaction|migrate)$|\/generated\/)/, "the database"],
  [/^(next-auth(\/.*)?|next\/headers|@node-rs\/argon2)$/, "sessions or passwords"],
];

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (SKIP.test(file + (entry.isDirectory() ? "/" : ""))) continue;
    if (entry.isDirectory()) yield* walk(file);
    else if (/\.tsx?$/.test(entry.name)) yield file;
  }
}

/** Import statements in source order: { spec, typeOnly }. Comments are stripped first. */
export function readImports(source) {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const imports = [];
  for (const match of code.matchAll(/^\s*(import|export)\s+(type\s+)?(?:([^"';]*?)\s+from\s+)?["']([^"']+)["']/gm)) {
    if (match[1] === "export" && !match[3]) continue;
    const typeOnly =
      Boolean(match[2]) ||
      (/^\{[^}]*\}$/.test(match[3] ?? "") &&
        (match[3] ?? "")
          .replace(/[{}\s]/g, "")
          .split(",")
          .filter(Boolean)
          .every((n) => n.startsWith("type ")));
    imports.push({ spec: match[4], typeOnly });
  }
  return imports;
}

/** Why a module must be server-only (null when it need not be). */
export function serverReason(file, imports) {
  if (SERVER_NAME.test(file)) return "it is a repository, a service or a database module";
  for (const { spec, typeOnly } of imports) {
    if (typeOnly) continue;
    const hit = SERVER_IMPORTS.find(([re]) => re.test(spec));
    if (hit) return `it imports ${spec} (${hit[1]})`;
  }
  return null;
}

function main() {
  const failures = [];
  let checked = 0;
  for (const root of ROOTS) {
    for (const file of walk(root)) {
      const imports = readImports(fs.readFileSync(file, "utf8"));
      const reason = serverReason(file.split(path.sep).join("/"), imports);
      if (!reason) continue;
      checked += 1;
      if (imports[0]?.spec !== "server-only") failures.push(`${file}: its first import must be \`import "server-only";\` because ${reason}`);
    }
  }
  if (failures.length > 0) {
    console.error(failures.join("\n"));
    console.error(`\n✘ ${failures.length} server modules do not start with import "server-only" (${checked} checked)`);
    process.exit(1);
  }
  console.log(`✔ every server module (${checked}) starts with import "server-only"`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
