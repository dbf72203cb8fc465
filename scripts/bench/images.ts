// npm run bench:images — images through the Python client against the same files hashed, written,
// fsynced and renamed on this disk (the baseline, measured in the same run). Starts its own
// production server on PostgreSQL (port BENCH_PORT, default 4274), data in .bench/. Options:
// --images N (default 300 images of ~400 KB), --client DIR (another copy of clients/python, e.g. an
// older one, to compare), --workers N (the client's upload_workers). --s3: the server in S3 mode against
// an s3rver on 127.0.0.1; the baseline is then a plain PutObject loop (same concurrency as the client)
// to the same bucket, and the client uploads directly; also prints the app server's CPU per GB.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";

import { startS3rver, type TTestS3 } from "@/lib/storage/testing/s3rver";

import { ensureBuild, serverCpuSeconds, serverPeakMemoryMb, startBenchServer, stopBenchServer } from "./bench-server";

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const COUNT = Number(arg("--images") ?? 300);
const CLIENT_DIR = path.resolve(arg("--client") ?? "clients/python");
const WORKERS = arg("--workers");
const S3 = args.includes("--s3");
const port = Number(process.env.BENCH_PORT ?? 4274);
const root = path.resolve(".bench", "images");

async function makeImages(): Promise<string[]> {
  const dir = path.join(root, "in");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const side = 370; // 370 × 370 × 3 bytes of noise: a PNG of ~400 KB
  const files: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const file = path.join(dir, `${i}.png`);
    fs.writeFileSync(
      file,
      await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
        .png({ compressionLevel: 1 })
        .toBuffer(),
    );
    files.push(file);
  }
  return files;
}

/** Hash + write + fsync + rename of every file: what storing them costs on this disk. */
function rawDisk(files: readonly string[]): number {
  const out = path.join(root, "disk");
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const started = performance.now();
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const sha = createHash("sha256").update(bytes).digest("hex");
    const temp = path.join(out, `${sha}.tmp`);
    const fd = fs.openSync(temp, "w");
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, path.join(out, sha));
  }
  return (performance.now() - started) / 1000;
}

const PYTHON = `
import json, os, resource, sys, time
import unigap
files = json.load(open(sys.argv[1]))
options = {"upload_workers": int(sys.argv[2])} if sys.argv[2] != "-" else {}
started = time.time()
run = unigap.init(name="bench-images-%d" % int(started * 1000), spool_dir=sys.argv[3], **options)
for i, f in enumerate(files):
    run.log_sample(step=0, prompt="bench image %d" % i, subtask="bench", image=f, judgments=[{"kind": "self", "verdict": i % 2}])
run.finish()
print(json.dumps({"seconds": time.time() - started, "maxRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
`;

/** PutObject of every file to the bucket, `workers` at a time: what the bucket takes without the app. */
async function rawPutObject(files: readonly string[], s3: TTestS3, workers: number): Promise<number> {
  const client = new S3Client({
    region: "us-east-1",
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < files.length) {
        const file = files[next++]!;
        const bytes = fs.readFileSync(file);
        const sha = createHash("sha256").update(bytes).digest("hex");
        await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `baseline/${sha}`, Body: bytes, ContentLength: bytes.length }));
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

async function main() {
  ensureBuild();
  const files = await makeImages();
  const megabytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / 1024 / 1024;
  console.log(`${COUNT} images, ${megabytes.toFixed(0)} MB; client ${CLIENT_DIR}`);
  const s3 = S3 ? await startS3rver("unigap-bench") : null;
  const baselineSeconds = s3 ? await rawPutObject(files, s3, Number(WORKERS ?? 6)) : rawDisk(files);
  const baselineName = s3 ? `plain PutObject loop to s3rver (${WORKERS ?? 6} at a time)` : "raw disk (hash + write + fsync + rename)";
  console.log(`${baselineName}: ${(megabytes / baselineSeconds).toFixed(0)} MB/s`);
  const server = await startBenchServer("postgres", port, s3 ? { ...s3.env, UNIGAP_S3_PREFIX: "app/" } : {});
  const cpuBefore = serverCpuSeconds(server);
  try {
    fs.writeFileSync(path.join(root, "files.json"), JSON.stringify(files));
    const out = execFileSync("python3", ["-c", PYTHON, path.join(root, "files.json"), WORKERS ?? "-", path.join(root, "spool")], {
      env: { ...process.env, PYTHONPATH: CLIENT_DIR, UNIGAP_URL: server.url, UNIGAP_API_KEY: server.apiKey },
      encoding: "utf8",
    });
    const py = JSON.parse(out.trim().split("\n").at(-1)!) as { seconds: number; maxRssMb: number };
    const rate = megabytes / py.seconds;
    console.log(
      `Python client: ${rate.toFixed(0)} MB/s (${(COUNT / py.seconds).toFixed(0)} images/s), client peak ${py.maxRssMb.toFixed(0)} MB, server peak ${serverPeakMemoryMb(server).toFixed(0)} MB`,
    );
    const cpu = serverCpuSeconds(server) - cpuBefore;
    console.log(
      `app server CPU: ${cpu.toFixed(1)} s for ${megabytes.toFixed(0)} MB = ${(cpu / (megabytes / 1024)).toFixed(0)} CPU-s per GB (${S3 ? "direct upload" : "through the app"})`,
    );
    const share = rate / (megabytes / baselineSeconds);
    const target = S3 ? 0.7 : 0.5;
    console.log(
      `\ntarget: Python client ≥ ${target * 100}% of ${S3 ? "the PutObject loop" : "raw disk"} → ${(share * 100).toFixed(0)}% ${share >= target ? "met" : "NOT met"}`,
    );
  } finally {
    await stopBenchServer(server);
    await s3?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
