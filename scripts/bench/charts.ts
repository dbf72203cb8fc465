// npm run bench:charts — dense-curve and runs-table speed on PostgreSQL and on the embedded database.
//   1. A run with 1,000,000 points of one key (seeded through the bulk insert, with rollups) plus 19
//      smaller keys: the bucketed query (default zoom and a zoomed range) against fetching the raw series.
//   2. The run page's server work with 20 dense panels: page data plus 20 bucketed panels in parallel.
//   3. The runs table with 10,000 runs: first page by latest Non, a deep keyset page, a search.
// Targets: bucketed p95 < 150 ms on PostgreSQL; no response sends more than 5,000 points per series.
// Results go to stdout and .bench/charts-<database>.json. BENCH_DB=postgres|embedded runs one half.
import fs from "node:fs";
import path from "node:path";

import pg from "pg";

import { getSummaryResult } from "@/lib/dashboard/summary-service";
import { setDb } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase, type TDatabase } from "@/lib/db/open";
import { getProjectForActor } from "@/lib/projects/service";
import { parseRunListQuery } from "@/lib/runs/list-query";
import { getRunHeader } from "@/lib/runs/header-service";
import { listRunsPage } from "@/lib/runs/service";
import { queryRawSeries } from "@/lib/series/bucket-repository";
import { insertMetricPoints } from "@/lib/series/repository";
import { getDensePanel, listMetricKeys } from "@/lib/series/service";
import { ZDenseSeriesQuery } from "@/lib/series/types";
import { createRng, gaussian } from "@/prisma/seed/rng";
import { createTestProject, createTestRun, createTestRunStats } from "@/prisma/factories";

const POINTS = Number(process.env.BENCH_POINTS ?? 1_000_000);
const PANELS = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 10_000);
const ITERATIONS = 30;
const MAX_POINTS_PER_SERIES = 5000;

type TStats = { p50: number; p95: number; n: number };

function stats(samples: number[]): TStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: round(at(0.5)), p95: round(at(0.95)), n: samples.length };
}

function round(v: number) {
  return Math.round(v * 10) / 10;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const result = await fn();
  return [performance.now() - t, result];
}

async function measure(iterations: number, fn: (i: number) => Promise<unknown>): Promise<TStats> {
  for (let i = 0; i < 3; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) samples.push((await time(() => fn(i)))[0]);
  return stats(samples);
}

async function openBenchDb(kind: "postgres" | "embedded"): Promise<{ db: TDatabase; drop: () => Promise<void> }> {
  const dataDir = path.resolve(".bench", `data-${kind}`);
  fs.mkdirSync(dataDir, { recursive: true });
  if (kind === "embedded") {
    const db = await openDatabase({ memory: true, config: resolveDatabaseConfig({ UNIGAP_DATA_DIR: dataDir }) });
    await applyMigrations(db.sql);
    return { db, drop: () => db.close() };
  }
  const admin = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `unigap_bench_charts_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDatabase({ config: resolveDatabaseConfig({ DATABASE_URL: url.toString(), UNIGAP_DATA_DIR: dataDir }) });
  await applyMigrations(db.sql);
  return {
    db,
    drop: async () => {
      await db.close();
      // Closed sockets leave pg_stat_activity a moment later; dropping before that logs noise.
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function seedDenseRun(db: TDatabase, projectId: string) {
  const run = await createTestRun(projectId, { name: "bench · 1M points" });
  const rng = createRng(42);
  const t0 = Date.UTC(2026, 10, 1);
  const spikeAt = Math.floor(POINTS * 0.613);
  const [seedMs] = await time(async () => {
    for (let from = 0; from < POINTS; from += 50_000) {
      const batch = Array.from({ length: Math.min(50_000, POINTS - from) }, (_, i) => {
        const step = from + i;
        const value = step === spikeAt ? 50 : 2.5 * Math.exp(-step / (POINTS / 4)) + 0.3 + 0.05 * gaussian(rng);
        return { key: "train/loss", step, value, wallTime: new Date(t0 + step * 500) };
      });
      await insertMetricPoints(db.sql, run.id, batch);
    }
  });
  const [smallMs] = await time(async () => {
    for (let k = 1; k < PANELS; k++) {
      const points = Array.from({ length: 10_000 }, (_, i) => ({
        key: `train/aux_${String(k).padStart(2, "0")}`,
        step: i * 100,
        value: Math.sin(i / (50 + k)) + 0.1 * gaussian(rng),
        wallTime: new Date(t0 + i * 50_000),
      }));
      await insertMetricPoints(db.sql, run.id, points);
    }
  });
  return { run, spikeAt, seed: { points: POINTS, ms: round(seedMs), pointsPerSecond: Math.round(POINTS / (seedMs / 1000)), smallKeysMs: round(smallMs) } };
}

async function seedManyRuns(db: TDatabase, projectId: string) {
  const rng = createRng(7);
  const [ms] = await time(async () => {
    for (let from = 0; from < RUNS; from += 1000) {
      const n = Math.min(1000, RUNS - from);
      const ids = await db.sql.query<{ id: string }>(
        `INSERT INTO runs (project_id, name, method, tags, status, updated_at)
         SELECT $1::uuid, 'run ' || lpad(i::text, 5, '0'), (ARRAY['sft','dpo','curriculum','baseline'])[1 + i % 4], ARRAY['bench', 'seed-' || (i % 10)], 'finished', now()
         FROM generate_series($2::int, $3::int) AS i RETURNING id`,
        [projectId, from, from + n - 1],
      );
      for (const { id } of ids) {
        const non = rng() < 0.1 ? null : rng();
        await createTestRunStats(id, {
          gen: rng(),
          genN: 600,
          und: rng(),
          undN: Math.floor(rng() * 80),
          non,
          nonN: non === null ? 0 : 600,
          nonSeries: [0.4, 0.35, non],
          benchmarks: [rng() < 0.5 ? "geneval" : "t2i-compbench"],
        });
      }
    }
  });
  return round(ms);
}

async function benchDatabase(kind: "postgres" | "embedded") {
  console.log(`\n== ${kind} ==`);
  const { db, drop } = await openBenchDb(kind);
  setDb(db);
  try {
    const project = await createTestProject({ slug: `bench-${kind}` });
    const actor = { kind: "user" as const, userId: project.ownerId };
    const { run, spikeAt, seed } = await seedDenseRun(db, project.id);
    console.log(
      `seeded ${POINTS.toLocaleString("en-US")} points in ${(seed.ms / 1000).toFixed(1)} s (${seed.pointsPerSecond.toLocaleString("en-US")} points/s, rollups included)`,
    );
    const q = (extra: Record<string, string> = {}) => ZDenseSeriesQuery.parse({ runs: run.id, key: "train/loss", ...extra });

    const first = await getDensePanel(actor, q());
    const series = first.series[0]!;
    const spikeBucket = series.buckets.find((b) => b.lastStep >= spikeAt && b.i * first.grid.width + first.grid.from <= spikeAt);
    const bucketed = await measure(ITERATIONS, () => getDensePanel(actor, q()));
    const rng = createRng(3);
    const zoomed = await measure(ITERATIONS, () => {
      const from = Math.floor(rng() * POINTS * 0.9);
      return getDensePanel(actor, q({ from: String(from), to: String(from + Math.floor(POINTS / 10)) }));
    });
    const narrow = await measure(ITERATIONS, () => {
      const from = Math.floor(rng() * (POINTS - 2000));
      return getDensePanel(actor, q({ from: String(from), to: String(from + 1500) }));
    });
    let rawRows = 0;
    const raw = await measure(5, async () => {
      rawRows = (await queryRawSeries(run.id, "train/loss", 0, POINTS)).length;
    });

    let maxPerSeries = 0;
    let maxBytes = 0;
    const page = await measure(10, async () => {
      const p = await getProjectForActor(actor, project.slug);
      const detail = await getRunHeader(actor, run.id, p.id);
      const keys = await listMetricKeys(actor, [detail.id]);
      await getSummaryResult(actor, detail);
      const panels = await Promise.all(keys.slice(0, PANELS).map((k) => getDensePanel(actor, ZDenseSeriesQuery.parse({ runs: run.id, key: k.key }))));
      for (const panel of panels) {
        maxBytes = Math.max(maxBytes, JSON.stringify(panel).length);
        for (const s of panel.series) maxPerSeries = Math.max(maxPerSeries, s.buckets.length);
      }
      if (panels.length !== PANELS) throw new Error(`expected ${PANELS} panels, got ${panels.length}`);
    });

    const tableProject = await createTestProject({ slug: `bench-table-${kind}` });
    const tableActor = { kind: "user" as const, userId: tableProject.ownerId };
    const seedRunsMs = await seedManyRuns(db, tableProject.id);
    const byNon = parseRunListQuery({ sort: "non", dir: "asc" });
    const firstPage = await measure(ITERATIONS, () => listRunsPage(tableActor, tableProject.id, byNon));
    let cursor: string | undefined;
    for (let i = 0; i < 100; i++) cursor = (await listRunsPage(tableActor, tableProject.id, { ...byNon, after: cursor })).nextCursor ?? undefined;
    const deepPage = await measure(ITERATIONS, () => listRunsPage(tableActor, tableProject.id, { ...byNon, after: cursor }));
    const search = await measure(ITERATIONS, () =>
      listRunsPage(tableActor, tableProject.id, parseRunListQuery({ q: "run 07", method: "dpo", benchmark: "geneval", sort: "gen" })),
    );

    const result = {
      database: kind,
      seed,
      bucketed: { ...bucketed, grid: first.grid, buckets: series.buckets.length, pointsInRange: series.pointsInRange, spikeKept: spikeBucket?.max === 50 },
      bucketedZoom10pct: zoomed,
      bucketedZoom1500Steps: narrow,
      raw: { ...raw, rows: rawRows },
      runPage20Panels: { ...page, maxPointsPerSeries: maxPerSeries, maxResponseBytes: maxBytes },
      runsTable: { runs: RUNS, seedMs: seedRunsMs, firstPageByNon: firstPage, page100ByNon: deepPage, searchAndFilters: search },
      targets: {
        bucketedP95Under150msOnPostgres: kind === "postgres" ? bucketed.p95 < 150 : null,
        atMost5000PointsPerSeries: maxPerSeries <= MAX_POINTS_PER_SERIES,
      },
    };
    console.table({
      "bucketed, default zoom": bucketed,
      "bucketed, 10% zoom": zoomed,
      "bucketed, 1,500-step zoom": narrow,
      "raw series (1M rows)": raw,
      "run page, 20 panels": page,
      "runs table, page 1 by Non": firstPage,
      "runs table, page 101 by Non": deepPage,
      "runs table, search + filters": search,
    });
    console.log(
      `grid: ${first.grid.count} buckets of ${first.grid.width} steps from ${first.grid.source}; spike kept: ${result.bucketed.spikeKept}; max points per series in any response: ${maxPerSeries}; largest panel response: ${(maxBytes / 1024).toFixed(0)} KB`,
    );
    fs.writeFileSync(path.resolve(".bench", `charts-${kind}.json`), JSON.stringify(result, null, 2));
    return result;
  } finally {
    setDb(undefined);
    await drop();
  }
}

async function main() {
  const which = process.env.BENCH_DB;
  const kinds: ("postgres" | "embedded")[] = which === "postgres" || which === "embedded" ? [which] : ["postgres", "embedded"];
  const results = [];
  for (const kind of kinds) results.push(await benchDatabase(kind));
  const failed = results.filter((r) => r.targets.bucketedP95Under150msOnPostgres === false || !r.targets.atMost5000PointsPerSeries || !r.bucketed.spikeKept);
  if (failed.length) {
    console.error(`target missed on: ${failed.map((r) => r.database).join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
