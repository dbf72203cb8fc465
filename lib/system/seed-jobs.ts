// `npm run seed` against a running embedded server: PGlite serves one process, so the server seeds in
// its own process. A job runs in the background and is polled (the big scenarios take minutes, longer
// than an HTTP request should stay open). Only the holder of <data dir>/admin-token may start or read
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
  status: "running" | "done" | "failed";
  log: string[];
  result: TSeedResult | null;
  error: string | null;
};

const STATE_KEY = Symbol.for("unigap.seed-jobs");
const jobs = ((globalThis as Record<symbol, Map<string, TSeedJob>>)[STATE_KEY] ??= new Map());
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
  const running = [...jobs.values()].find((j) => j.status === "running");
  if (running) throw new AppError("CONFLICT", `Scenario "${running.scenario}" is still being seeded (job ${running.id}).`, { jobId: running.id });
  const job: TSeedJob = { id: randomUUID(), scenario, status: "running", log: [], result: null, error: null };
  jobs.set(job.id, job);
  const log = (line: string) => {
    job.log.push(line);
    if (job.log.length > MAX_LOG_LINES) job.log.shift();
  };
  void (async () => {
    try {
      job.result = await seeders.seedScenario(await getDb(), scenario, log);
      job.status = "done";
    } catch (error) {
      job.error = error instanceof Error ? error.message : String(error);
      job.status = "failed";
      console.error(`[unigap] seeding ${scenario} failed`, error);
    }
  })();
  return job;
}

export async function getSeedJob(token: string | null, id: string): Promise<TSeedJob> {
  await requireAdmin(token);
  const job = jobs.get(id);
  if (!job) throw new AppError("NOT_FOUND", `No seed job ${id} in this server process.`);
  return job;
}
