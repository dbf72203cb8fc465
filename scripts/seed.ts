// npm run seed -- <scenario>: adds a seed scenario (demo, many-runs, long-run, many-samples) to the
// configured database. PostgreSQL: connects directly, whether or not a server runs. Embedded: when a
// server holds the folder, asks that server to seed (PGlite serves one process), authenticated with
// <data dir>/admin-token; when none does, opens the folder itself.
import path from "node:path";

import { setDb } from "@/lib/db/client";
import { resolveDatabaseConfig } from "@/lib/db/config";
import { findLiveLockOwner } from "@/lib/db/lock";
import { applyMigrations } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";
import { readAdminToken } from "@/lib/system/first-start";
import { seedScenario } from "@/prisma/seed/run-scenario";
import { isScenarioName, SCENARIO_NAMES } from "@/prisma/seed/scenarios/registry";

type TJob = { id: string; status: string; log: string[]; result: { projectSlug: string; summary: string; seconds: number } | null; error: string | null };

async function seedThroughServer(port: number, dataDir: string, scenario: string): Promise<TJob["result"]> {
  const token = readAdminToken(dataDir);
  if (!token) throw new Error(`A server (port ${port}) holds ${dataDir} but there is no admin-token file to authenticate with.`);
  const base = `http://127.0.0.1:${port}/api/internal/seed`;
  const headers = { "content-type": "application/json", "x-unigap-admin-token": token };
  const started = await fetch(base, { method: "POST", headers, body: JSON.stringify({ scenario }) });
  let job = (await started.json()) as TJob & { error: unknown };
  if (!started.ok) throw new Error(`The server refused: ${JSON.stringify(job.error)}`);
  console.log(`seeding ${scenario} in the server on port ${port} (job ${job.id})`);
  let shown = 0;
  for (;;) {
    for (const line of job.log.slice(shown)) console.log(line);
    shown = job.log.length;
    if (job.status === "done") return job.result;
    if (job.status === "failed") throw new Error(job.error ?? "seeding failed");
    await new Promise((resolve) => setTimeout(resolve, 1000)); // polling a background job, not waiting for a state
    const response = await fetch(`${base}?job=${job.id}`, { headers });
    job = (await response.json()) as TJob & { error: unknown };
    if (!response.ok) throw new Error(`Lost the seed job: ${JSON.stringify(job.error)}`);
  }
}

async function seedDirectly(scenario: Parameters<typeof seedScenario>[1]): Promise<TJob["result"]> {
  const db = await openDatabase();
  try {
    await applyMigrations(db.sql);
    setDb(db); // repositories and the blob store reach the database through the process handle
    return await seedScenario(db, scenario, (line) => console.log(line));
  } finally {
    setDb(undefined);
    await db.close();
  }
}

async function main() {
  const scenario = process.argv[2] ?? "";
  if (!isScenarioName(scenario)) {
    console.error(`usage: npm run seed -- <${SCENARIO_NAMES.join("|")}>`);
    process.exit(2);
  }
  const config = resolveDatabaseConfig();
  const owner = config.kind === "embedded" ? findLiveLockOwner(path.join(config.dataDir, "server.lock")) : null;
  if (owner && !owner.port) throw new Error(`Process ${owner.pid} holds ${config.dataDir} without serving HTTP; stop it and run again.`);
  const result = owner?.port ? await seedThroughServer(owner.port, config.dataDir, scenario) : await seedDirectly(scenario);
  console.log(`seeded ${scenario} into project "${result!.projectSlug}": ${result!.summary} (${result!.seconds} s)`);
}

main().catch((error) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
