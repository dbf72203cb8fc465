// Many servers on one database: first start runs once, the advisory locks exclude each other, the
// sign-in limits and seed jobs live in the database, and signals reach every listening server.
import fs from "node:fs";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { assertSignInAllowed, recordSignInFailure } from "@/lib/auth/sign-in-limits";
import { randomBytes } from "node:crypto";

import { resolveDatabaseConfig } from "@/lib/db/config";
import { applyMigrations, readMigrations, defaultMigrationsDir } from "@/lib/db/migrate";
import { adminUrl, databaseUrl } from "@/lib/db/testing/test-env";
import { ADVISORY_LOCK_KEYS, LOCK_BUSY, withAdvisoryLock, withAdvisoryTryLock } from "@/lib/db/advisory-lock";
import { startListening, stopListening } from "@/lib/db/notify";
import { openDatabase } from "@/lib/db/open";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { isAppError } from "@/lib/errors";
import { createCoalescedRefresh, RETRY_LATER } from "@/lib/ingest/coalesced-refresh";
import { singleFlightAcrossServers } from "@/lib/ingest/single-flight";
import { cachedJudgeChoice, forgetJudgeChoice } from "@/lib/metrics/judge-choice-cache";
import { seeders } from "@/prisma/seed/seeders";

import { runFirstStartHooks } from "./first-start";
import { getSeedJob } from "./seed-jobs";

const db = setupTestDatabase();
const pgOnly = db.kind === "postgres" ? it : it.skip;

afterAll(() => stopListening());

/** A second "server": its own pool on the same database. */
async function secondServer() {
  return openDatabase({ config: db.current.config });
}

describe("advisory locks", () => {
  pgOnly("a second server waits for the lock and runs after the first", async () => {
    const other = await secondServer();
    try {
      const order: string[] = [];
      let releaseFirst!: () => void;
      const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
      const first = withAdvisoryLock(db.current, ADVISORY_LOCK_KEYS.firstStart, "test-wait", async () => {
        order.push("first in");
        await firstHolds;
        order.push("first out");
      });
      await new Promise((r) => setTimeout(r, 100));
      const second = withAdvisoryLock(other, ADVISORY_LOCK_KEYS.firstStart, "test-wait", async () => {
        order.push("second in");
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(order).toEqual(["first in"]);
      const busy = await withAdvisoryTryLock(other, ADVISORY_LOCK_KEYS.firstStart, "test-wait", async () => "ran");
      expect(busy).toBe(LOCK_BUSY);
      releaseFirst();
      await Promise.all([first, second]);
      expect(order).toEqual(["first in", "first out", "second in"]);
      expect(await withAdvisoryTryLock(other, ADVISORY_LOCK_KEYS.firstStart, "test-wait", async () => "ran")).toBe("ran");
    } finally {
      await other.close();
    }
  });

  it("runs the work when nobody holds the lock (embedded: always)", async () => {
    expect(await withAdvisoryTryLock(db.current, ADVISORY_LOCK_KEYS.runStats, "free", async () => 42)).toBe(42);
    expect(await withAdvisoryLock(db.current, ADVISORY_LOCK_KEYS.runStats, "free", async () => 43)).toBe(43);
  });
});

describe("refreshes single-flight across servers", () => {
  pgOnly("a refresh another server is running is retried after it, not run beside it", async () => {
    const other = await secondServer();
    try {
      const runId = crypto.randomUUID();
      let ran = 0;
      let releaseOther!: () => void;
      const otherHolds = new Promise<void>((resolve) => (releaseOther = resolve));
      const held = withAdvisoryTryLock(other, ADVISORY_LOCK_KEYS.runStats, runId, () => otherHolds);
      await new Promise((r) => setTimeout(r, 100));
      expect(await singleFlightAcrossServers(ADVISORY_LOCK_KEYS.runStats, runId, async () => ran++)).toBe(RETRY_LATER);
      expect(ran).toBe(0);
      const refresh = createCoalescedRefresh(
        `test ${runId}`,
        (key) => singleFlightAcrossServers(ADVISORY_LOCK_KEYS.runStats, key, async () => ran++),
        () => ({
          delayMs: 50,
          maxWaitMs: 1000,
        }),
      );
      refresh.schedule(runId);
      await new Promise((r) => setTimeout(r, 400));
      expect(ran).toBe(0);
      releaseOther();
      await held;
      await refresh.flush();
      expect(ran).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe("migrations at start", () => {
  pgOnly(
    "three servers migrating one empty database at the same instant apply each migration once",
    async () => {
      const name = `unigap_t_empty_${randomBytes(5).toString("hex")}`;
      const admin = new pg.Client({ connectionString: adminUrl() });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const config = resolveDatabaseConfig({ DATABASE_URL: databaseUrl(name), UNIGAP_DATA_DIR: db.current.config.dataDir });
      const servers = await Promise.all([0, 1, 2].map(() => openDatabase({ config })));
      try {
        const results = await Promise.all(servers.map((s) => applyMigrations(s.sql)));
        const total = readMigrations(defaultMigrationsDir()).length;
        expect(results.reduce((n, r) => n + r.applied.length, 0)).toBe(total);
        const [row] = await servers[0]!.sql.query<{ n: number; names: number }>(
          `SELECT count(*)::int AS n, count(DISTINCT migration_name)::int AS names FROM "_prisma_migrations"`,
        );
        expect(row).toEqual({ n: total, names: total });
      } finally {
        await Promise.all(servers.map((s) => s.close()));
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      }
    },
    60_000,
  );
});

describe("first start", () => {
  pgOnly(
    "two servers starting at the same moment on an empty database create one demo",
    async () => {
      await db.current.sql.execute(`DELETE FROM projects`);
      await db.current.sql.execute(`DELETE FROM users`);
      const other = await secondServer();
      try {
        const load = async () => seeders;
        await Promise.all([runFirstStartHooks(db.current, load), runFirstStartHooks(other, load)]);
        const [row] = await db.current.sql.query<{ projects: number; users: number }>(
          `SELECT (SELECT count(*)::int FROM projects) AS projects, (SELECT count(*)::int FROM users) AS users`,
        );
        expect(row).toEqual({ projects: 1, users: 1 });
      } finally {
        await other.close();
      }
    },
    120_000,
  );
});

describe("sign-in limits in the database", () => {
  it("allows 5 failures per account, then refuses with a wait, whichever server counted them", async () => {
    const account = `limit-${Date.now()}@example.org`;
    await Promise.all(Array.from({ length: 5 }, () => recordSignInFailure(account, null)));
    const error = await assertSignInAllowed(account, null).catch((e: unknown) => e);
    expect(isAppError(error) && error.code === "RATE_LIMITED").toBe(true);
    const [row] = await db.current.sql.query<{ tokens: number }>(`SELECT tokens FROM rate_limit_buckets WHERE bucket = 'sign-in:account' AND key = $1`, [
      account,
    ]);
    expect(Number(row?.tokens)).toBeLessThan(1);
    await expect(assertSignInAllowed(`other-${account}`, null)).resolves.toBeUndefined();
  });

  it("never hands out more than the capacity to concurrent failures", async () => {
    const address = `10.0.0.${Math.floor(Math.random() * 200)}`;
    await Promise.all(Array.from({ length: 40 }, (_, i) => recordSignInFailure(`spray-${i}-${address}@example.org`, address)));
    const [row] = await db.current.sql.query<{ tokens: number }>(`SELECT tokens FROM rate_limit_buckets WHERE bucket = 'sign-in:address' AND key = $1`, [
      address,
    ]);
    expect(Number(row?.tokens)).toBeGreaterThanOrEqual(0);
    expect(Number(row?.tokens)).toBeLessThan(1);
    await expect(assertSignInAllowed("anyone@example.org", address)).rejects.toThrow(/Too many failed attempts/);
  });
});

describe("seed jobs in the database", () => {
  it("answers the status of a job another server runs", async () => {
    fs.writeFileSync(path.join(db.current.config.dataDir, "admin-token"), "test-admin-token");
    const other = db.kind === "postgres" ? await secondServer() : db.current;
    try {
      const [row] = await other.sql.query<{ id: string }>(
        `INSERT INTO seed_jobs (scenario, status, log) VALUES ('demo', 'running', ARRAY['seeding runs']) RETURNING id::text`,
      );
      await expect(getSeedJob("test-admin-token", row!.id)).resolves.toMatchObject({ id: row!.id, scenario: "demo", status: "running", log: ["seeding runs"] });
      await other.sql.execute(`UPDATE seed_jobs SET status = 'done', result = $2::jsonb WHERE id = $1::uuid`, [
        row!.id,
        JSON.stringify({ projectSlug: "demo", summary: "1 run", seconds: 1 }),
      ]);
      await expect(getSeedJob("test-admin-token", row!.id)).resolves.toMatchObject({ status: "done", result: { projectSlug: "demo" } });
      await expect(getSeedJob("test-admin-token", crypto.randomUUID())).rejects.toThrow(/No seed job/);
      await expect(getSeedJob("wrong", row!.id)).rejects.toThrow(/admin-token/);
    } finally {
      if (other !== db.current) await other.close();
    }
  });
});

describe("signals", () => {
  it("a judge choice forgotten by another server is computed again here", async () => {
    await startListening(db.current);
    const runId = crypto.randomUUID();
    let computed = 0;
    const compute = async () => {
      computed++;
      return {};
    };
    await cachedJudgeChoice([runId], compute);
    await cachedJudgeChoice([runId], compute);
    expect(computed).toBe(1);
    if (db.kind === "postgres") {
      // Another server's NOTIFY, sent on a connection that is not ours.
      const client = new pg.Client({ connectionString: (db.current.config as { url: string }).url });
      await client.connect();
      await client.query(`SELECT pg_notify('unigap_events', $1)`, [JSON.stringify({ topic: "judge-choice", payload: runId })]);
      await client.end();
      const deadline = Date.now() + 1000;
      while (computed === 1 && Date.now() < deadline) {
        await cachedJudgeChoice([runId], compute);
        await new Promise((r) => setTimeout(r, 20));
      }
    } else {
      await forgetJudgeChoice(runId);
      await cachedJudgeChoice([runId], compute);
    }
    expect(computed).toBe(2);
  });
});
