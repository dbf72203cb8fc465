// npm run bench:metrics — the metrics engine at scale. Seeds checkpoints × prompts × candidates
// images with self and external judgments (default 100 × 1,000 × 10: 1M images, 2M judgments on
// them plus 1M re-judgments of the first checkpoint's images), then times the run summary through
// the SQL path (the service) against loading rows into Node and computing there, on real
// PostgreSQL (its own database, created and dropped) and on the embedded database (a temporary
// folder under .bench/). Both paths must produce the same summary; the bench fails otherwise.
//   --target postgres|embedded|both   --checkpoints N   --prompts N   --candidates N   --repeat N
//   --keep: keep the PostgreSQL database (unigap_bench_metrics_kept) and reuse its data next time.
import fs from "node:fs";

import { Command } from "commander";

import { setDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { EVAL_ROLES } from "@/lib/metrics/sample-roles";
import { getRunSummary } from "@/lib/metrics/service";
import { aggregateOwnCells, aggregateTripleCells } from "@/lib/metrics/summary-repository";

import { countInNode, summarizeCells, summarizeInNode, type TCells } from "./metrics-node-path";
import { type TBenchTarget, withBenchDatabase } from "./bench-database";
import { findBenchRun, seedBenchRun, type TBenchShape } from "./metrics-seed";

type TTarget = TBenchTarget;
type TTiming = {
  target: TTarget;
  sqlOne: number;
  sqlAll: number;
  nodeOne: number;
  nodeAll: number;
  /** The counters alone (no bootstrap, which both paths share): SQL aggregates vs load + tally in Node. */
  countSqlAll: number;
  countNodeAll: number;
  summarizeAll: number;
  seedSeconds: number;
  judgments: number;
};

const program = new Command()
  .option("--target <target>", "postgres, embedded or both", "both")
  .option("--checkpoints <n>", "checkpoints", "100")
  .option("--prompts <n>", "prompts per checkpoint", "1000")
  .option("--candidates <n>", "images per prompt and checkpoint", "10")
  .option("--repeat <n>", "timed repetitions (the median is reported)", "3")
  .option("--keep", "keep and reuse the PostgreSQL database between runs")
  .parse();
const opts = program.opts<{ target: string; checkpoints: string; prompts: string; candidates: string; repeat: string; keep?: boolean }>();
const shape: TBenchShape = { checkpoints: Number(opts.checkpoints), prompts: Number(opts.prompts), candidates: Number(opts.candidates) };
const repeat = Math.max(1, Number(opts.repeat));

const log = (line: string) => console.log(line);

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: plans, caches, JIT
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/** The seeded prompts are GenEval's, judged by its detector. */
const JUDGES = { geneval: "geneval" };

/** The counters through the SQL path, as the service asks for them (same-run baseline). */
async function countInSql(runId: string, steps: readonly number[], baselineStep: number): Promise<TCells> {
  const scope = { externalJudges: JUDGES, benchmark: null };
  const [own, triples] = await Promise.all([
    aggregateOwnCells({ runId, steps, roles: EVAL_ROLES, ...scope }),
    aggregateTripleCells({ baselineRunId: runId, baselineStep, currentJudge: "self", steps, ...scope }),
  ]);
  return { own, baseline: own.filter((c) => c.step === baselineStep), triples };
}

async function benchTarget(target: TTarget): Promise<TTiming> {
  fs.mkdirSync(".bench", { recursive: true });
  return withBenchDatabase(target, "metrics", Boolean(opts.keep), async (db) => {
    await applyMigrations(db.sql);
    setDb(db);
    const seedStarted = performance.now();
    let run = opts.keep ? await findBenchRun(db) : null;
    if (run) log(`\n[${target}] reusing the kept database: ${run.judgments.toLocaleString("en")} judgments`);
    else {
      log(`\n[${target}] seeding ${shape.checkpoints} checkpoints × ${shape.prompts} prompts × ${shape.candidates} candidates`);
      run = await seedBenchRun(db, shape, log);
      for (const table of ["samples", "judgments", "checkpoints"]) await db.sql.exec(`VACUUM ANALYZE ${table}`);
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`[${target}] ${run.judgments.toLocaleString("en")} judgments ready in ${seedSeconds.toFixed(0)} s (VACUUM ANALYZE included)`);

    const actor = { kind: "user" as const, userId: run.ownerId };
    const one = run.steps[Math.floor(run.steps.length / 2)]!;
    const baselineStep = run.steps[0]!;
    const sql = await getRunSummary(actor, run.runId);
    const node = await summarizeInNode(db.sql, run.runId, run.steps, baselineStep, JUDGES);
    if (JSON.stringify(sql.checkpoints) !== JSON.stringify(node)) throw new Error(`[${target}] the SQL and Node summaries differ`);
    log(`[${target}] SQL and Node paths agree on all ${node.length} checkpoints`);

    const timing: TTiming = {
      target,
      seedSeconds,
      judgments: run.judgments,
      sqlOne: await median(() => getRunSummary(actor, run.runId, { step: one })),
      sqlAll: await median(() => getRunSummary(actor, run.runId)),
      nodeOne: await median(() => summarizeInNode(db.sql, run.runId, [one], baselineStep, JUDGES)),
      nodeAll: await median(() => summarizeInNode(db.sql, run.runId, run.steps, baselineStep, JUDGES)),
      countSqlAll: await median(() => countInSql(run.runId, run.steps, baselineStep)),
      countNodeAll: await median(() => countInNode(db.sql, run.runId, run.steps, baselineStep, JUDGES)),
      summarizeAll: 0,
    };
    const cells = await countInSql(run.runId, run.steps, baselineStep);
    timing.summarizeAll = await median(async () => summarizeCells(run.steps, cells));
    setDb(undefined);
    return timing;
  });
}

function report(timings: TTiming[]): void {
  const ms = (v: number) => `${v.toFixed(0).padStart(7)} ms`;
  log(`\nmetrics summary, median of ${repeat} (after one warm-up), ${shape.checkpoints} checkpoints × ${shape.prompts * shape.candidates} images`);
  log("database   summary of         SQL path     Node path    Node / SQL");
  for (const t of timings) {
    log(`${t.target.padEnd(10)} one checkpoint  ${ms(t.sqlOne)}  ${ms(t.nodeOne)}  ${(t.nodeOne / t.sqlOne).toFixed(1).padStart(8)}×`);
    log(`${"".padEnd(10)} all ${String(shape.checkpoints).padEnd(11)} ${ms(t.sqlAll)}  ${ms(t.nodeAll)}  ${(t.nodeAll / t.sqlAll).toFixed(1).padStart(8)}×`);
    log(
      `${"".padEnd(10)} of which counters ${ms(t.countSqlAll)}  ${ms(t.countNodeAll)}  ${(t.countNodeAll / t.countSqlAll).toFixed(1).padStart(8)}×   (summarise + bootstrap, shared: ${t.summarizeAll.toFixed(0)} ms)`,
    );
  }
  const pgTiming = timings.find((t) => t.target === "postgres");
  if (pgTiming) {
    const ok = pgTiming.sqlOne < 200 && pgTiming.sqlAll < 3000 && pgTiming.nodeAll / pgTiming.sqlAll >= 10;
    log(`targets on PostgreSQL (one < 200 ms, all < 3 s, ≥ 10× the Node path): ${ok ? "met" : "NOT met"}`);
  }
}

async function main() {
  const targets: TTarget[] = opts.target === "both" ? ["postgres", "embedded"] : [opts.target as TTarget];
  const timings: TTiming[] = [];
  for (const target of targets) timings.push(await benchTarget(target));
  report(timings);
}

main().catch((error) => {
  console.error(`bench:metrics failed: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
