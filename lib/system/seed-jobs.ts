// `npm run seed` against a running embedded server: PGlite serves one process, so the server seeds in
// its own process. A job runs in the background and is polled (the big scenarios take minutes, longer
// than an HTTP request should stay open). Jobs run one at a time, in the order asked: a second request
// waits in the queue instead of being refused, so two scripts seeding at once both get their scenario.
// Only the holder of <data dir>/admin-token may start or read
// one: the file is written at first start with mode 0600, so "can read the data folder" is the test.
import "server-only";

import { randomUUID } from "node:crypto";

import { hashSecret, secretsEqual } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

import { readAdminToken } from "./first-start";
import { loadSeeders, type TSeedResult } from "./seeders";

export type TSeedJob = {
  id: string;
  scenario: string;
  status: "queued" | "running" | "done" | "failed";
  log: string[];
  result: TSeedResult | null;
  error: string | null;
};

const STATE_KEY = Symbol.for("unigap.seed-jobs");
type TJobState = { jobs: Map<string, TSeedJob>; queue: Promise<void> };
const state = ((globalThis as Record<symbol, TJobState>)[STATE_KEY] ??= { jobs: new Map(), queue: Promise.resolve() });
const jobs = state.jobs;
const MAX_QUEUED = 8;
const MAX_LOG_LINES = 200;

async function requireAdmin(token: string | null): Promise<void> {
  const { config } = await getDb();
  const expected = readAdminToken(config.dataDir);
  // Hashing both sides gives equal-length buffers, so the comparison is constant-time whatever was sent.
  if (!expected || !token || !secretsEqual(hashSecret(token), hashSecret(expected))) {
    throw new AppError("UNAUTHORIZED", "Send the contents of <data dir>/admin-token in the X-Unigap-Admin-Token header.");
  }
}

export async function startSeedJob(token: string | null, scenario: string): Promise<TSeedJob> {
  await requireAdmin(token);
  const seeders = await loadSeeders();
  if (!seeders) throw new AppError("NOT_FOUND", "This server was started without the seed scenarios.");
  if (!seeders.scenarioNames.includes(scenario))
    throw new AppError("INVALID_INPUT", `Unknown scenario "${scenario}". Known: ${seeders.scenarioNames.join(", ")}.`);
  const waiting = [...jobs.values()].filter((j) => j.status === "queued" || j.status === "running").length;
  if (waiting >= MAX_QUEUED) throw new AppError("CONFLICT", `${waiting} seed jobs are already queued or running; try again when they finish.`);
  const job: TSeedJob = { id: randomUUID(), scenario, status: "queued", log: [], result: null, error: null };
  jobs.set(job.id, job);
  const log = (line: string) => {
    job.log.push(line);
    if (job.log.length > MAX_LOG_LINES) job.log.shift();
  };
  if (waiting > 0) log(`queued behind ${waiting} seed job(s)`);
  state.queue = state.queue.then(async () => {
    job.status = "running";
    try {
      job.result = await seeders.seedScenario(await getDb(), scenario, log);
      job.status = "done";
    } catch (error) {
      job.error = error instanceof Error ? error.message : String(error);
      job.status = "failed";
      console.error(`[unigap] seeding ${scenario} failed`, error);
    }
  });
  return job;
}

export async function getSeedJob(token: string | null, id: string): Promise<TSeedJob> {
  await requireAdmin(token);
  const job = jobs.get(id);
  if (!job) throw new AppError("NOT_FOUND", `No seed job ${id} in this server process.`);
  return job;
}
