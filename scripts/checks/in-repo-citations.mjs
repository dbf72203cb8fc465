// Every citation stays inside the repository: the science is in docs/metrics.md and the benchmark
// file formats in docs/formats/, so no comment or document may send a reader to a path a clone does
// not have (the team's notes folder, another machine's home). Run by `npm run lint` and `npm test`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const OUTSIDE = /(\.\.\/shared\/|\/work\/shared\b|\/work\/notes\b)/;
const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" })
  .split("\0")
  .filter((f) => f && /\.(ts|tsx|mjs|cjs|js|py|md|json|sh)$/.test(f) && !f.startsWith("lib/db/generated/") && f !== "scripts/checks/in-repo-citations.mjs");

const hits = [];
for (const file of files) {
  if (!fs.existsSync(file)) continue;
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (OUTSIDE.test(line)) hits.push(`${file}:${i + 1}: ${line.trim().slice(0, 160)}`);
    });
}
if (hits.length) {
  console.error(`${hits.length} citation(s) of a path outside the repository (cite docs/metrics.md or docs/formats/ instead):\n${hits.join("\n")}`);
  process.exit(1);
}
console.log(`in-repo citations: ${files.length} files, none cites a path outside the repository`);
