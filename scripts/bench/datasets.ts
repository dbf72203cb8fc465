// npm run bench:datasets — building training data at the paper's scale. Seeds one construction round
// (default 6,000 prompts × 10 candidates, role `candidate`, each with a self verdict and probability
// and an external verdict; images shared round-robin from --images distinct PNGs), then times, each
// against a baseline measured in the same run on the same data:
//   preview (SFT, and DPO with all pairs capped per prompt) vs a raw SQL SELECT of the same rows;
//   build (stores items and pool) and an identical rebuild (content hash: the same dataset);
//   export of the SFT and DPO sets as .tar vs a plain `tar -cf` of the same image files;
// and peak memory. On PostgreSQL each export runs in a fresh process (datasets-export-probe.ts, the
// same code a server runs) whose own peak is the export's memory figure; embedded, in-process.
// Every figure is printed with its target and whether it is met. BENCH_CPU_PROFILE=<dir> writes the
// export processes' CPU profiles (node --cpu-prof) there.
//   --target postgres|embedded   --prompts N   --candidates N   --images N   --pairs K   --repeat N
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { Command } from "commander";
import sharp from "sharp";

import { setDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { exportDataset } from "@/lib/datasets/export";
import { listExportLines } from "@/lib/datasets/export-repository";
import { buildDataset, previewDataset } from "@/lib/datasets/service";
import type { TDatasetRecipe } from "@/lib/api/contracts/datasets";
import { insertJudgments, insertSamples, upsertCheckpoints, type TJudgmentRow } from "@/lib/samples/bulk-repository";
import { findBlobRoot } from "@/lib/storage/blob-repository";
import { storeBlobs } from "@/lib/storage/blob-store";
import { createTestProject, createTestPrompts, createTestRun } from "@/prisma/factories";
import { createRng } from "@/prisma/seed/rng";

import { type TBenchTarget, withBenchDatabase } from "./bench-database";

const program = new Command()
  .option("--target <target>", "postgres or embedded", "postgres")
  .option("--prompts <n>", "prompts in the round", "6000")
  .option("--candidates <n>", "candidates per prompt", "10")
  .option("--images <n>", "distinct images (shared round-robin by the samples)", "3000")
  .option("--pairs <k>", "DPO: all pairs, at most k per prompt", "9")
  .option("--repeat <n>", "timed repetitions of the previews (median reported)", "3")
  .parse();
const opts = program.opts<{ target: string; prompts: string; candidates: string; images: string; pairs: string; repeat: string }>();
const shape = { prompts: Number(opts.prompts), candidates: Number(opts.candidates), images: Number(opts.images), pairs: Number(opts.pairs) };
const repeat = Math.max(1, Number(opts.repeat));
const log = (line: string) => console.log(line);
const SUBTASKS = ["single_object", "two_object", "counting", "colors", "position", "color_attr"];
const STEP = 0;

/** Peak resident memory while `fn` runs (sampled every 20 ms), with its time. */
async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - started, peakMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) times.push((await measure(fn)).ms);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function seed(log: (line: string) => void) {
  const rng = createRng(2512_03);
  const project = await createTestProject({ slug: `bench-datasets-${Date.now().toString(36)}` });
  const run = await createTestRun(project.id, { name: "bench · construction round", method: "sft" });
  const prompts = await createTestPrompts(
    project.id,
    Array.from({ length: shape.prompts }, (_, i) => ({ externalId: `bench-${i}`, benchmark: "geneval", subtask: SUBTASKS[i % SUBTASKS.length]! })),
  );
  const started = performance.now();
  const hashes: string[] = [];
  for (let i = 0; i < shape.images; i += 250) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(250, shape.images - i) }, () =>
        sharp(Buffer.from(Array.from({ length: 64 * 64 * 3 }, () => Math.floor(rng() * 256))), { raw: { width: 64, height: 64, channels: 3 } })
          .png()
          .toBuffer(),
      ),
    );
    hashes.push(...(await storeBlobs(batch)));
  }
  log(`  ${hashes.length} images stored (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return { project, run, prompts, hashes, rng };
}

async function benchTarget(target: TBenchTarget) {
  return withBenchDatabase(target, "datasets", false, async (db, env) => {
    await applyMigrations(db.sql);
    setDb(db);
    log(`\n[${target}] seeding ${shape.prompts} prompts × ${shape.candidates} candidates, ${shape.images} distinct images`);
    const seedStarted = performance.now();
    const { project, run, prompts, hashes, rng } = await seed(log);
    await upsertCheckpoints(db.sql, run.id, [{ step: STEP }]);
    const difficulty = prompts.map(() => rng());
    for (let p0 = 0; p0 < prompts.length; p0 += 1000) {
      const chunk = prompts.slice(p0, p0 + 1000);
      const rows = chunk.flatMap((prompt, pi) =>
        Array.from({ length: shape.candidates }, (_, candidate) => ({
          step: STEP,
          promptId: prompt.id,
          subtask: prompt.subtask,
          benchmark: prompt.benchmark,
          candidate,
          blobSha256: hashes[((p0 + pi) * shape.candidates + candidate) % hashes.length]!,
          role: "candidate" as const,
        })),
      );
      const ids = await insertSamples(db.sql, run.id, rows);
      const judgments: TJudgmentRow[] = rows.flatMap((row, i) => {
        const id = ids.get(`${STEP}|${row.promptId}|${row.candidate}`)!;
        const external = rng() < 0.2 + 0.6 * (1 - difficulty[p0 + Math.floor(i / shape.candidates)]!) ? 1 : 0;
        const prob = Math.min(1, Math.max(0, (external ? 0.68 : 0.38) + (rng() - 0.5) * 0.5));
        return [
          { sampleId: id, runId: run.id, step: STEP, subtask: row.subtask, kind: "external" as const, judge: "geneval", judgeStep: -1, verdict: external },
          {
            sampleId: id,
            runId: run.id,
            step: STEP,
            subtask: row.subtask,
            kind: "self" as const,
            judge: "self",
            judgeStep: STEP,
            verdict: prob >= 0.5 ? 1 : 0,
            prob,
          },
        ];
      });
      await insertJudgments(db.sql, judgments);
    }
    for (const table of ["samples", "judgments", "blobs", "prompts"]) await db.sql.exec(`VACUUM ANALYZE ${table}`);
    log(`[${target}] seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);

    const actor = { kind: "user" as const, userId: project.ownerId };
    const sft: TDatasetRecipe = { kind: "sft", step: STEP };
    const dpo: TDatasetRecipe = { kind: "dpo", step: STEP, pairing: "all", maxPairsPerPrompt: shape.pairs };
    const rawSelect = () =>
      db.sql.query(
        `SELECT s.id, s.prompt_id, s.subtask, s.benchmark, s.candidate, sj.verdict, sj.prob, ej.verdict AS external
         FROM samples s
         LEFT JOIN judgments sj ON sj.sample_id = s.id AND sj.kind = 'self' AND sj.judge = 'self' AND sj.judge_step = s.step
         LEFT JOIN judgments ej ON ej.sample_id = s.id AND ej.kind = 'external' AND ej.judge = 'geneval' AND ej.judge_step = -1
         WHERE s.run_id = $1::uuid AND s.step = $2 AND s.role <> 'eval'`,
        [run.id, STEP],
      );
    const rows = (await rawSelect()).length;
    const t = {
      rows,
      raw: await median(rawSelect),
      previewSft: await median(() => previewDataset(actor, run.id, sft)),
      previewDpo: await median(() => previewDataset(actor, run.id, dpo)),
    };
    const buildSft = await measure(() => buildDataset(actor, run.id, { ...sft, acknowledgeRisk: true }));
    const rebuildSft = await measure(() => buildDataset(actor, run.id, { ...sft, acknowledgeRisk: true }));
    const buildDpo = await measure(() => buildDataset(actor, run.id, { ...dpo, acknowledgeRisk: true }));
    if (rebuildSft.value.id !== buildSft.value.id || rebuildSft.value.created) throw new Error("an identical rebuild made a second dataset");

    const out = fs.mkdtempSync(path.join(path.resolve(".bench"), "datasets-export-"));
    const blobRoot = await findBlobRoot();
    const exportOf = async (id: string, name: string) => {
      const file = path.join(out, `${name}.tar`);
      let result: { ms: number; peakMb: number; fresh: boolean };
      if (env) {
        const probe = spawnSync(
          process.execPath,
          [
            ...(process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []),
            "--import",
            "tsx",
            "--conditions=react-server",
            path.join(import.meta.dirname, "datasets-export-probe.ts"),
            id,
            project.ownerId,
            file,
          ],
          { env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
        );
        if (probe.status !== 0) throw new Error(`the export probe failed: ${probe.stderr}`);
        const line = JSON.parse(probe.stdout.trim().split("\n").pop()!) as { ms: number; peakMb: number; loadedMb: number };
        log(`  ${name} export in a fresh process: ${line.loadedMb.toFixed(0)} MB after loading, peak ${line.peakMb.toFixed(0)} MB`);
        result = { ms: line.ms, peakMb: line.peakMb, fresh: true };
      } else {
        const inProcess = await measure(async () => {
          const { body } = await exportDataset(actor, id, { gzip: false, acknowledgeRisk: true });
          await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream), fs.createWriteStream(file));
        });
        result = { ms: inProcess.ms, peakMb: inProcess.peakMb, fresh: false };
      }
      // The baseline: a plain tar of the same image files, written by the system's tar.
      const shas = (
        await db.sql.query<{ sha: string }>(
          `SELECT DISTINCT trim(s.blob_sha256) AS sha FROM dataset_items i JOIN samples s ON s.id = i.sample_id OR s.id = i.rejected_sample_id WHERE i.dataset_id = $1::uuid`,
          [id],
        )
      ).map((r) => r.sha);
      const list = path.join(out, `${name}.list`);
      fs.writeFileSync(list, shas.map((s) => `${s.slice(0, 2)}/${s.slice(2, 4)}/${s}`).join("\n"));
      const plain = path.join(out, `${name}.plain.tar`);
      const started = performance.now();
      execFileSync("tar", ["-cf", plain, "-C", blobRoot, "-T", list]);
      const plainMs = performance.now() - started;
      // The same files as the archive (images, JSONL, README, manifest), extracted and tarred again.
      const files = path.join(out, `${name}.files`);
      fs.mkdirSync(files);
      execFileSync("tar", ["-xf", file, "-C", files]);
      const same = path.join(out, `${name}.same.tar`);
      const sameStarted = performance.now();
      execFileSync("tar", ["-cf", same, "-C", files, "."]);
      const sameMs = performance.now() - sameStarted;
      // The database's part: every page of the export's lines, read and dropped.
      const linesStarted = performance.now();
      for (let after = -1; ;) {
        const page = await listExportLines(id, name === "sft" ? "sft" : "dpo", after, 2000);
        if (page.length < 2000) break;
        after = page[page.length - 1]!.position;
      }
      const linesMs = performance.now() - linesStarted;
      return {
        ...result,
        bytes: fs.statSync(file).size,
        plainBytes: fs.statSync(plain).size,
        plainMs,
        sameBytes: fs.statSync(same).size,
        sameMs,
        linesMs,
        images: shas.length,
      };
    };
    const exportSft = await exportOf(buildSft.value.id, "sft");
    const exportDpo = await exportOf(buildDpo.value.id, "dpo");
    fs.rmSync(out, { recursive: true, force: true });
    setDb(undefined);
    return { target, t, buildSft, rebuildSft, buildDpo, exportSft, exportDpo };
  });
}

async function main() {
  const r = await benchTarget(opts.target === "embedded" ? "embedded" : "postgres");
  const ms = (v: number) => `${v.toFixed(0).padStart(7)} ms`;
  const mbps = (bytes: number, msv: number) => `${(bytes / 1024 / 1024 / (msv / 1000)).toFixed(1).padStart(6)} MB/s`;
  log(`\ndatasets bench [${r.target}]: ${shape.prompts} prompts × ${shape.candidates} candidates = ${r.t.rows.toLocaleString("en")} rows; median of ${repeat}`);
  log(`raw SQL SELECT of the round's rows (baseline)   ${ms(r.t.raw)}`);
  log(`preview SFT (every accepted)                    ${ms(r.t.previewSft)}   ${(r.t.previewSft / r.t.raw).toFixed(1)}× the SELECT`);
  log(`preview DPO (all pairs, ≤ ${shape.pairs} per prompt)         ${ms(r.t.previewDpo)}   ${(r.t.previewDpo / r.t.raw).toFixed(1)}× the SELECT`);
  log(`build SFT: ${r.buildSft.value.itemCount.toLocaleString("en")} images, pool ${r.buildSft.value.poolCount}   ${ms(r.buildSft.ms)}`);
  log(`rebuild SFT (same content hash, no copy)        ${ms(r.rebuildSft.ms)}`);
  log(`build DPO: ${r.buildDpo.value.itemCount.toLocaleString("en")} pairs                  ${ms(r.buildDpo.ms)}`);
  const verdict = (ok: boolean) => (ok ? "target met" : "target NOT met");
  const share = (e: typeof r.exportSft) => e.bytes / e.ms / (e.sameBytes / e.sameMs);
  for (const [name, e] of [
    ["SFT", r.exportSft],
    ["DPO", r.exportDpo],
  ] as const) {
    log(
      `export ${name} .tar: ${(e.bytes / 1024 / 1024).toFixed(1)} MB, ${e.images} images  ${ms(e.ms)} ${mbps(e.bytes, e.ms)}   (its database lines alone: ${ms(e.linesMs)})`,
    );
    log(
      `  baseline, plain tar of the same files: ${(e.sameBytes / 1024 / 1024).toFixed(1)} MB ${ms(e.sameMs)} ${mbps(e.sameBytes, e.sameMs)}   → export at ${(share(e) * 100).toFixed(0)}% of its throughput`,
    );
    log(`  plain tar of the images only:          ${(e.plainBytes / 1024 / 1024).toFixed(1)} MB ${ms(e.plainMs)} ${mbps(e.plainBytes, e.plainMs)}`);
  }
  const exportPeak = Math.max(r.exportSft.peakMb, r.exportDpo.peakMb);
  const buildPeak = Math.max(r.buildSft.peakMb, r.buildDpo.peakMb);
  log(`\ntargets${r.target === "postgres" ? "" : " (set for PostgreSQL; informative here)"}:`);
  log(`  preview SFT < 1 s:                 ${(r.t.previewSft / 1000).toFixed(2)} s   ${verdict(r.t.previewSft < 1000)}`);
  log(`  preview DPO < 1 s:                 ${(r.t.previewDpo / 1000).toFixed(2)} s   ${verdict(r.t.previewDpo < 1000)}`);
  log(`  export SFT ≥ 50% of a plain tar of the same files: ${(share(r.exportSft) * 100).toFixed(0)}%   ${verdict(share(r.exportSft) >= 0.5)}`);
  log(`  export DPO ≥ 50% of a plain tar of the same files: ${(share(r.exportDpo) * 100).toFixed(0)}%   ${verdict(share(r.exportDpo) >= 0.5)}`);
  log(
    `  export peak memory < 300 MB:       ${exportPeak.toFixed(0)} MB (${r.exportSft.fresh ? "maxRSS of a fresh process running only the export" : "RSS of this process, which also seeded"})   ${verdict(exportPeak < 300)}`,
  );
  log(
    `  build peak memory < 300 MB:        ${buildPeak.toFixed(0)} MB (RSS of this process, which also seeded; maxRSS over the whole bench ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)   ${verdict(buildPeak < 300)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
