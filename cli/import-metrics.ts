import fs from "node:fs";
import readline from "node:readline";

import { INGEST_LIMITS } from "../lib/api/contracts/common";

import { report, resolveRun, type TContext, type TRunOptions } from "./context";
import { recordToPoints, splitCsvLine, type TPointOut } from "./metric-rows";
import { createProgress } from "./progress";

/** `unigap import metrics file.csv|file.jsonl --run NAME`: streamed, sent in batches of 10,000. */
export async function importMetrics(ctx: TContext, file: string, options: TRunOptions): Promise<void> {
  const isCsv = /\.csv$/i.test(file);
  const run = await resolveRun(ctx.client, options);
  const progress = createProgress(!ctx.json);
  progress.start(fs.statSync(file).size, "bytes  ");
  const totals = { inserted: 0, unchanged: 0, updated: 0, points: 0 };
  let batch: TPointOut[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const counts = await ctx.client.logMetrics(run.id, batch, { overwrite: options.overwrite });
    totals.inserted += counts.inserted;
    totals.unchanged += counts.unchanged;
    totals.updated += counts.updated;
    totals.points += batch.length;
    batch = [];
  };
  let header: string[] | null = null;
  let lineNo = 0;
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    lineNo++;
    progress.advance(Buffer.byteLength(line) + 1);
    if (!line.trim()) continue;
    const where = `${file}:${lineNo}`;
    if (isCsv && !header) {
      header = splitCsvLine(line).map((h) => h.trim());
      continue;
    }
    const record = header ? Object.fromEntries(splitCsvLine(line).map((cell, i) => [header![i] ?? `column${i + 1}`, cell])) : parseJson(line, where);
    batch.push(...recordToPoints(record, where));
    if (batch.length >= INGEST_LIMITS.metricPoints) await flush();
  }
  await flush();
  progress.stop();
  report(
    ctx,
    { runId: run.id, url: run.url, ...totals },
    `Imported ${totals.points} metric points into ${run.url}: ${totals.inserted} new, ${totals.unchanged} unchanged, ${totals.updated} replaced.`,
  );
}

function parseJson(line: string, where: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${where}: not JSON (${(error as Error).message})`);
  }
}
