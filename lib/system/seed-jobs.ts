// `npm run seed` against a running embedded server: PGlite serves one process, so the server seeds in
// its own process. A job runs in the background and is polled (the big scenarios take minutes, longer
// than an HTTP request should stay open). Jobs run one at a time, in the order asked: a second request
// waits in the queue instead of being refused, so two scripts seeding at once both get their scenario.
// Any server on the same database answers a job's status (seed_jobs). Only the holder of <data dir>/admin-token may start or read
// one: the file is written at first start with mode 0600, so "can read the data folder" is the test.
import "server-only";

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

// The queue (one job at a time) is this process's; the jobs' state lives in seed_jobs, so any server on
// the database answers a job's status, and the queue limit counts every server's jobs.
const STATE_KEY = Symbol.for("unigap.seed-jobs");
type TJobState = { queue: Promise<void> };
const state = ((globalThis as Record<symbol, TJobState>)[STATE_KEY] ??= { queue: Promise.resolve() });
const MAX_QUEUED = 8;
const MAX_LOG_LINES = 200;
// A job a killed server left queued or running stops counting against the limit after this long.
const STALE_AFTER = `interval '1 hour'`;

async function requireAdmin(token: string | null): Promise<void> {
  const { config } = await getDb();
  const expected = readAdminToken(config.dataDir);
  // Hashing both sides gives equal-length buffers, so the comparison is constant-time whatever was sent.
  if (!expected || !token || !secretsEqual(hashSecret(token), hashSecret(expected))) {
    throw new AppError("UNAUTHORIZED", "Send the contents of <data dir>/admin-token in the X-Unigap-Admin-Token header.");
  }
}

type TJobRow = { id: string; scenario: string; status: TSeedJob["status"]; log: string[]; result: TSeedResult | null; error: string | null };

async function saveJob(job: TSeedJob): Promise<void> {
  const { sql } = await getDb();
  await sql.execute(
    `UPDATE seed_jobs SET status = $2, log = $3::text[], result = $4::jsonb, error = $5, updated_at = (now() AT TIME ZONE 'UTC') WHERE id = $1::uuid`,
    [job.id, job.status, job.log, job.result ? JSON.stringify(job.result) : null, job.error],
  );
}

export async function startSeedJob(token: string | null, scenario: string): Promise<TSeedJob> {
  await requireAdmin(token);
  const seeders = await loadSeeders();
  if (!seeders) throw new AppError("NOT_FOUND", "This server was started without the seed scenarios.");
  if (!seeders.scenarioNames.includes(scenario))
    throw new AppError("INVALID_INPUT", `Unknown scenario "${scenario}". Known: ${seeders.scenarioNames.join(", ")}.`);
  const { sql } = await getDb();
  const [count] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM seed_jobs WHERE status IN ('queued', 'running') AND updated_at > (now() AT TIME ZONE 'UTC') - ${STALE_AFTER}`,
  );
  const waiting = count?.n ?? 0;
  if (waiting >= MAX_QUEUED) throw new AppError("CONFLICT", `${waiting} seed jobs are already queued or running; try again when they finish.`);
  const log: string[] = waiting > 0 ? [`queued behind ${waiting} seed job(s)`] : [];
  const [row] = await sql.query<{ id: string }>(`INSERT INTO seed_jobs (scenario, status, log) VALUES ($1, 'queued', $2::text[]) RETURNING id::text`, [
    scenario,
    log,
  ]);
  const job: TSeedJob = { id: row!.id, scenario, status: "queued", log, result: null, error: null };
  // Log lines are written in order, one statement after another, without holding the seeding up.
  let writes = Promise.resolve();
  const persist = () => {
    const snapshot: TSeedJob = { ...job, log: [...job.log] };
    writes = writes.then(() => saveJob(snapshot)).catch((error: unknown) => console.error(`[unigap] saving seed job ${job.id} failed`, error));
    return writes;
  };
  const appendLog = (line: string) => {
    job.log.push(line);
    if (job.log.length > MAX_LOG_LINES) job.log.shift();
    void persist();
  };
  state.queue = state.queue.then(async () => {
    job.status = "running";
    void persist();
    try {
      job.result = await seeders.seedScenario(await getDb(), scenario, appendLog);
      job.status = "done";
    } catch (error) {
      job.error = error instanceof Error ? error.message : String(error);
      job.status = "failed";
      console.error(`[unigap] seeding ${scenario} failed`, error);
    }
    await persist();
  });
  return { ...job, log: [...job.log] };
}

export async function getSeedJob(token: string | null, id: string): Promise<TSeedJob> {
  await requireAdmin(token);
  const { sql } = await getDb();
  const [row] = /^[0-9a-f-]{36}$/i.test(id)
    ? await sql.query<TJobRow>(`SELECT id::text, scenario, status, log, result, error FROM seed_jobs WHERE id = $1::uuid`, [id])
    : [];
  if (!row) throw new AppError("NOT_FOUND", `No seed job ${id}.`);
  return { id: row.id, scenario: row.scenario, status: row.status, log: row.log ?? [], result: row.result, error: row.error };
}
