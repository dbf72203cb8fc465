// npm run bench:explorer — the sample explorer at scale. Seeds the metrics benchmark's run (default
// 100 checkpoints × 1,000 prompts × 10 candidates = 1,000,000 samples with self and external
// judgments, see metrics-seed.ts), then times what one explorer request costs: a filtered page of
// 60 cards (by keyset) and the filter counts, p50 / p95 over random checkpoints. The baseline, in
// the same run, is the same page reached by OFFSET (what keyset paging avoids), 20 pages deep.
//   --target postgres|embedded|both   --checkpoints N   --prompts N   --candidates N   --samples N (timed requests)
//   --keep: keep the PostgreSQL database (unigap_bench_explorer_kept) and reuse its data next time.
import fs from "node:fs";

import { Command } from "commander";

import { setDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import type { TDatabase } from "@/lib/db/open";
import { EXPLORER_PAGE_SIZE, type TExplorerQuery } from "@/lib/samples/explorer-query";
import { countExplorerClasses, countExplorerFacets, countRunSteps, findExplorerPage, type TExplorerFilter } from "@/lib/samples/explorer-repository";
import { getExplorerPage } from "@/lib/samples/explorer-service";
import { createRng } from "@/prisma/seed/rng";

import { type TBenchTarget, withBenchDatabase } from "./bench-database";
import { findBenchRun, seedBenchRun, type TBenchShape } from "./metrics-seed";

type TTarget = TBenchTarget;
type TStats = { p50: number; p95: number };
type TResult = { target: TTarget; samples: number; rows: Record<string, TStats> };

const program = new Command()
  .option("--target <target>", "postgres, embedded or both", "both")
  .option("--checkpoints <n>", "checkpoints", "100")
  .option("--prompts <n>", "prompts per checkpoint", "1000")
  .option("--candidates <n>", "images per prompt and checkpoint", "10")
  .option("--samples <n>", "timed requests per figure", "40")
  .option("--keep", "keep and reuse the PostgreSQL database between runs")
  .parse();
const opts = program.opts<{ target: string; checkpoints: string; prompts: string; candidates: string; samples: string; keep?: boolean }>();
const shape: TBenchShape = { checkpoints: Number(opts.checkpoints), prompts: Number(opts.prompts), candidates: Number(opts.candidates) };
const repetitions = Math.max(5, Number(opts.samples));
const log = (line: string) => console.log(line);

async function percentiles(fn: (i: number) => Promise<unknown>): Promise<TStats> {
  await fn(-1); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95) };
}

/** The baseline: the same filtered page reached with OFFSET instead of a keyset cursor. */
async function offsetPage(db: TDatabase, runId: string, step: number, offset: number) {
  return db.sql.query(
    `SELECT s.id FROM samples s JOIN prompts p ON p.id = s.prompt_id
     LEFT JOIN judgments js ON js.sample_id = s.id AND js.kind = 'self' AND js.judge = 'self' AND js.judge_step = s.step
     LEFT JOIN LATERAL (SELECT j.verdict FROM judgments j WHERE j.sample_id = s.id AND j.kind = 'external' ORDER BY j.judge LIMIT 1) je ON true
     WHERE s.run_id = $1::uuid AND s.step = $2 AND js.verdict = 1 AND je.verdict = 0 ORDER BY s.step, s.id OFFSET $3 LIMIT $4`,
    [runId, step, offset, EXPLORER_PAGE_SIZE + 1],
  );
}

async function benchTarget(target: TTarget): Promise<TResult> {
  fs.mkdirSync(".bench", { recursive: true });
  return withBenchDatabase(target, "explorer", Boolean(opts.keep), async (db) => {
    await applyMigrations(db.sql);
    setDb(db);
    let run = opts.keep ? await findBenchRun(db) : null;
    const started = performance.now();
    if (run) log(`\n[${target}] reusing the kept database`);
    else {
      log(`\n[${target}] seeding ${shape.checkpoints} checkpoints × ${shape.prompts} prompts × ${shape.candidates} candidates`);
      run = await seedBenchRun(db, shape, log);
      for (const table of ["samples", "judgments", "checkpoints", "prompts"]) await db.sql.exec(`VACUUM ANALYZE ${table}`);
      log(`[${target}] seeded in ${((performance.now() - started) / 1000).toFixed(0)} s (VACUUM ANALYZE included)`);
    }
    const [{ n: samples } = { n: 0 }] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM samples WHERE run_id = $1::uuid`, [run.runId]);
    const actor = { kind: "user" as const, userId: run.ownerId };
    const rng = createRng(7);
    const steps = run.steps;
    const pick = () => steps[Math.floor(rng() * steps.length)]!;
    const filter = (extra: Partial<TExplorerFilter> = {}): TExplorerFilter => ({ runId: run.runId, step: pick(), promptIds: null, ...extra });
    const rows: Record<string, TStats> = {};
    rows["page: all images at a step"] = await percentiles(() => findExplorerPage(filter(), null, EXPLORER_PAGE_SIZE + 1));
    rows["page: false positives at a step"] = await percentiles(() => findExplorerPage(filter({ cls: "fp" }), null, EXPLORER_PAGE_SIZE + 1));
    rows["page: flipped at a step"] = await percentiles(() => findExplorerPage(filter({ cls: "flipped" }), null, EXPLORER_PAGE_SIZE + 1));
    // Cursors 20 pages deep at random checkpoints, found before the clock starts.
    const deep: { filter: TExplorerFilter; cursor: { step: number; id: string } }[] = [];
    for (let i = 0; i <= repetitions; i++) {
      const f = filter({ cls: "fp" });
      const [row] = (await offsetPage(db, run.runId, f.step!, 20 * EXPLORER_PAGE_SIZE - 1)) as { id: string }[];
      if (row) deep.push({ filter: f, cursor: { step: f.step!, id: row.id } });
    }
    rows["page: fp, 20 pages deep (keyset)"] = await percentiles((i) => {
      const d = deep[(i + deep.length) % deep.length]!;
      return findExplorerPage(d.filter, d.cursor, EXPLORER_PAGE_SIZE + 1);
    });
    rows["baseline: the same deep page by OFFSET"] = await percentiles(() => offsetPage(db, run.runId, pick(), 20 * EXPLORER_PAGE_SIZE));
    rows["page: all checkpoints, fp"] = await percentiles(() => findExplorerPage(filter({ step: null, cls: "fp" }), null, EXPLORER_PAGE_SIZE + 1));
    rows["counts: classes at a step"] = await percentiles(() => countExplorerClasses(filter()));
    rows["counts: facets at a step"] = await percentiles(() => countExplorerFacets(filter()));
    rows["counts: images per checkpoint"] = await percentiles(() => countRunSteps(run.runId));
    rows["request: whole explorer page (service)"] = await percentiles(() =>
      getExplorerPage(actor, run.projectId, { run: run.runId, step: pick(), class: "fp" } satisfies TExplorerQuery),
    );
    rows["request: with a text search"] = await percentiles(() => getExplorerPage(actor, run.projectId, { run: run.runId, step: pick(), q: "object 12" }));
    setDb(undefined);
    return { target, samples, rows };
  });
}

function report(results: TResult[]): void {
  log(`\nexplorer, ${repetitions} timed requests each (after one warm-up), p50 / p95 in ms`);
  for (const r of results) {
    log(`\n${r.target}: ${r.samples.toLocaleString("en")} samples in the run`);
    for (const [name, s] of Object.entries(r.rows)) log(`  ${name.padEnd(44)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)}`);
  }
  const pgResult = results.find((r) => r.target === "postgres");
  if (pgResult) {
    const page = pgResult.rows["page: false positives at a step"]!.p95;
    log(`\ntarget on PostgreSQL (a filtered page under 100 ms at p95): ${page < 100 ? "met" : "NOT met"} (${page.toFixed(1)} ms)`);
  }
}

async function main() {
  const targets: TTarget[] = opts.target === "both" ? ["postgres", "embedded"] : [opts.target as TTarget];
  const results: TResult[] = [];
  for (const target of targets) results.push(await benchTarget(target));
  report(results);
}

main().catch((error) => {
  console.error(`bench:explorer failed: ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
