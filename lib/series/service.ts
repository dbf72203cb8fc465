import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireRunAccess } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { scheduleRollupRefresh } from "@/lib/ingest/rollup-refresh";
import { findRunsByIds } from "@/lib/runs/repository";
import { displayRunName } from "@/lib/sharing/anonymize";

import { computeBucketGrid } from "./bucket-grid";
import { findMetricKeys, findPanelRuns, queryBuckets, type TBucketRow } from "./bucket-repository";
import type { TDenseBucket, TDensePanel, TDenseSeriesQuery, TMetricKeyDTO } from "./types";

/** The runs asked for, in the order asked, each readable by the caller (NOT_FOUND otherwise). */
async function requireReadableRuns(actor: TActor, runIds: readonly string[]) {
  const ids = [...new Set(runIds)];
  const rows = await findRunsByIds(ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const runs = ids.map((id) => {
    const run = byId.get(id);
    if (!run) throw notFound("Run", id);
    return run;
  });
  await Promise.all(runs.map((run) => requireRunAccess(actor, run, "viewer")));
  return runs;
}

/**
 * One dense-curve panel: every run's points of `key` on one bucket grid over the requested step
 * range (default: everything any of the runs logged), at most ~1,000 buckets per run.
 */
export async function getDensePanel(actor: TActor, query: TDenseSeriesQuery): Promise<TDensePanel> {
  const runs = await requireReadableRuns(actor, query.runs);
  const ids = runs.map((r) => r.id);
  const extents = new Map((await findPanelRuns(ids, query.key)).map((e) => [e.run_id, e]));
  const present = runs.filter((r) => extents.has(r.id));
  const missing = runs.filter((r) => !extents.has(r.id)).map((r) => ({ runId: r.id, runName: displayRunName(actor, r) }));
  const known = [...extents.values()];
  const from = query.from ?? (known.length ? Math.min(...known.map((e) => e.min_step)) : 0);
  const to = query.to ?? (known.length ? Math.max(...known.map((e) => e.max_step)) : 0);
  const grid = computeBucketGrid(from, to, query.buckets);
  const presentIds = present.map((r) => r.id);
  const pendingRuns = known.filter((e) => e.pending_from !== null).map((e) => e.run_id);
  // A pending range left behind (a refresh that failed, a server that stopped) is rolled up now.
  for (const runId of pendingRuns) scheduleRollupRefresh(runId);
  const byRun = groupByRun(await queryBuckets(presentIds, query.key, grid, pendingRuns.length > 0));
  return {
    key: query.key,
    grid: { from: grid.from, to: grid.to, width: grid.width, count: grid.count, source: grid.level ? `rollup-${grid.level.width}` : "points" },
    missing,
    series: present.map((run) => {
      const buckets = (byRun.get(run.id) ?? []).map(toBucket);
      const extent = extents.get(run.id)!;
      return {
        runId: run.id,
        runName: displayRunName(actor, run),
        pointsTotal: extent.count,
        pointsInRange: buckets.reduce((sum, b) => sum + b.n, 0),
        stepsPerEpoch: extent.spe === null ? null : Number(extent.spe),
        t0: extent.t0 === null ? null : Number(extent.t0),
        buckets,
      };
    }),
  };
}

function groupByRun(rows: readonly TBucketRow[]) {
  const map = new Map<string, TBucketRow[]>();
  for (const row of rows) {
    const list = map.get(row.run_id) ?? [];
    list.push(row);
    map.set(row.run_id, list);
  }
  return map;
}

function toBucket(row: TBucketRow): TDenseBucket {
  const last = Number(row.last_value);
  return {
    i: row.bucket,
    n: row.n,
    nonFinite: row.non_finite,
    min: row.min === null ? null : Number(row.min),
    max: row.max === null ? null : Number(row.max),
    lastStep: row.last_step,
    last: Number.isFinite(last) ? last : null,
    lastWall: row.last_wall === null ? null : Number(row.last_wall),
  };
}

/** The metric keys a run logged, with their point counts (from run_metric_keys: no point scans). */
export async function listMetricKeys(actor: TActor, runIds: readonly string[]): Promise<TMetricKeyDTO[]> {
  const runs = await requireReadableRuns(actor, runIds);
  const rows = await findMetricKeys(runs.map((r) => r.id));
  const byKey = new Map<string, TMetricKeyDTO>();
  for (const row of rows) {
    const seen = byKey.get(row.key);
    byKey.set(
      row.key,
      seen
        ? { key: row.key, count: seen.count + row.count, minStep: Math.min(seen.minStep, row.min_step), maxStep: Math.max(seen.maxStep, row.max_step) }
        : { key: row.key, count: row.count, minStep: row.min_step, maxStep: row.max_step },
    );
  }
  return [...byKey.values()];
}
