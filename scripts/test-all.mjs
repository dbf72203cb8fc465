// `npm test`: the whole suite, in the order a failure is cheapest to find — typecheck, lint and
// import rules, unit + integration tests (embedded and PostgreSQL), production build, end-to-end
// tests in Chromium. Ends with one line: `N passed, M failed[, K skipped]`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const outDir = path.resolve(".test-output");
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" };
const skipPg = process.env.UNIGAP_TEST_SKIP_PG === "1";
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const timings = [];

function run(label, command, args) {
  const started = Date.now();
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

check("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]);
check("lint", "npx", ["eslint", "--max-warnings", "0", "."]);
check("format (prettier --check; `npm run format` fixes)", "npx", ["prettier", "--check", "--log-level", "warn", "."]);
check("unused files, exports and dependencies (knip)", "npx", ["knip"]);
check("import rules", "npx", ["depcruise", "--config", ".dependency-cruiser.cjs", "app", "components", "lib", "prisma", "scripts", "e2e", "cli"]);
check("server-only heads server modules", "node", ["scripts/checks/server-only.mjs"]);
check("citations stay inside the repository", "node", ["scripts/checks/in-repo-citations.mjs"]);

const vitestJson = path.join(outDir, "vitest.json");
const projects = ["unit", "integration-embedded", ...(skipPg ? [] : ["integration-postgres"])];
const vitestOk = run("unit + integration tests", "npx", [
  "vitest",
  "run",
  ...projects.flatMap((p) => ["--project", p]),
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (vitest.numFailedTests > 0) failures.push(`${vitest.numFailedTests} vitest tests`);
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) {
  totals.failed += 1;
  failures.push("vitest run errored outside a test (see above)");
}
if (skipPg) console.log("integration-postgres: skipped on purpose (UNIGAP_TEST_SKIP_PG=1)");

if (run("production build", "npx", ["next", "build"])) {
  totals.passed += 1;
  const playwrightJson = path.join(outDir, "playwright.json");
  env.PLAYWRIGHT_JSON = playwrightJson;
  const playwrightOk = run("end-to-end tests (Chromium)", "npx", ["playwright", "test"]);
  const report = readJson(playwrightJson);
  if (report?.stats) {
    totals.passed += report.stats.expected + report.stats.flaky;
    totals.failed += report.stats.unexpected;
    totals.skipped += report.stats.skipped;
    if (report.stats.unexpected > 0) failures.push(`${report.stats.unexpected} end-to-end tests`);
    if (report.stats.flaky > 0) console.log(`note: ${report.stats.flaky} end-to-end tests passed only on retry`);
  }
  if (!playwrightOk && (!report?.stats || report.stats.unexpected === 0)) {
    totals.failed += 1;
    failures.push("playwright errored outside a test (see above)");
  }
} else {
  totals.failed += 1;
  failures.push("production build (end-to-end tests not run)");
}

console.log(`\ntimings: ${timings.join(" · ")}`);
if (failures.length > 0) console.log(`failed: ${failures.join("; ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);
