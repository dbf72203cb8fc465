import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { readCredentials } from "../support/fixtures";
import { createFreshDatabase, dropDatabase } from "../support/fresh-database";
import { newClient, projectId, signInClient } from "../support/accounts";
import { HOSTILE_SIGN_IN, hostileActionCases, hostileCases, UNUSUAL_TEXT, type THostileCase, type THostileContext } from "../support/hostile-corpus";
import { callAction } from "../support/server-actions";
import { killServer, startServer, systemPort, waitForHealth, type TServer } from "../support/server-process";

// The hostile-input corpus (issue 17, e2e/support/hostile-corpus.ts) against a server of its own on
// each database, so that nothing else writes while it runs: every case is a 4xx JSON error naming
// the field, every table's row count is the same after it (GET /api/internal/row-counts, on only
// with UNIGAP_TEST_ROW_COUNTS=1), and /api/health answers after every case. Then unusual but valid
// text is stored and read back exactly.
const CASES = hostileCases();
const ACTION_CASES = hostileActionCases();

async function errorOf(response: Response): Promise<{ code: string; message: string; details?: unknown }> {
  const type = response.headers.get("content-type") ?? "";
  const text = await response.text();
  expect(type, `a JSON error, got ${type}: ${text.slice(0, 200)}`).toContain("application/json");
  const body = JSON.parse(text) as { error?: { code: string; message: string; details?: unknown } };
  expect(body.error, text.slice(0, 300)).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  return body.error!;
}

for (const database of ["embedded", "postgres"] as const) {
  test.describe(`hostile input on ${database}`, () => {
    test.describe.configure({ mode: "serial" });
    const port = systemPort("hostile") + (database === "postgres" ? 1 : 0);
    const dbName = `unigap_hostile_${port}`;
    let server: TServer | null = null;
    let dataDir = "";
    let ctx: THostileContext;
    let adminToken = "";
    let counts: Record<string, number> = {};

    const rowCounts = async () => {
      const response = await fetch(`${ctx.base}/api/internal/row-counts`, { headers: { "x-unigap-admin-token": adminToken } });
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, number>;
    };

    test.beforeAll(async () => {
      test.setTimeout(300_000);
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `unigap-hostile-${database}-`));
      const env: Record<string, string> = { UNIGAP_DATA_DIR: dataDir, DATABASE_URL: "", UNIGAP_TEST_ROW_COUNTS: "1", UNIGAP_API_RATE_LIMIT: "100000/10000" };
      if (database === "postgres") env.DATABASE_URL = await createFreshDatabase(dbName);
      server = startServer(port, env);
      expect(await waitForHealth(port).catch((error) => `${error.message}\n${server!.output()}`)).toMatchObject({ ok: true, database });
      const { apiKey, projectSlug } = readCredentials(dataDir);
      adminToken = fs.readFileSync(path.join(dataDir, "admin-token"), "utf8").trim();
      const base = `http://127.0.0.1:${port}`;
      let n = 0;
      const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${n++}`;
      const headers = { authorization: `Bearer ${apiKey}`, "content-type": "application/json" };
      const run = (await (await fetch(`${base}/api/v1/runs`, { method: "POST", headers, body: JSON.stringify({ name: "hostile target" }) })).json()) as {
        id: string;
      };
      const promptId = "hostile/existing";
      const logged = await fetch(`${base}/api/v1/runs/${run.id}/samples`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          samples: [{ step: 0, candidate: 0, prompt: { externalId: promptId, text: "an existing prompt" }, judgments: [{ kind: "self", verdict: 1 }] }],
        }),
      });
      expect(logged.status).toBe(200);
      ctx = { base, apiKey, slug: projectSlug, runId: run.id, promptId, unique };
      await new Promise((r) => setTimeout(r, 2_000)); // after-ingest refreshes settle before the first snapshot
      counts = await rowCounts();
    });

    test.afterAll(async () => {
      if (server) killServer(server, "SIGKILL");
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (database === "postgres") await dropDatabase(dbName);
    });

    test(`[HOSTILE] ${CASES.length} refused requests (${database}): a 4xx JSON error naming the field, no row written, the server still healthy`, async () => {
      test.setTimeout(600_000);
      const wrong: string[] = [];
      const check = async (c: THostileCase) => {
        const response = await c.send(ctx);
        if (response.status < 400 || response.status >= 500) return `${response.status} (${(await response.text()).slice(0, 160)})`;
        if (c.status && response.status !== c.status) return `${response.status}, expected ${c.status}`;
        if (c.page) return null;
        const error = await errorOf(response);
        if (c.field && c.field !== "body") {
          const said = `${error.message} ${JSON.stringify(error.details ?? null)}`;
          if (!said.includes(c.field) && !error.message.includes(c.field))
            return `${response.status} without naming ${JSON.stringify(c.field)}: ${error.message.slice(0, 160)}`;
        }
        return null;
      };
      for (const c of CASES) {
        const problem = await check(c).catch((error: Error) => `threw ${error.message}`);
        if (problem) wrong.push(`${c.name}: ${problem}`);
        const after = await rowCounts();
        const changed = Object.keys({ ...counts, ...after }).filter((table) => counts[table] !== after[table]);
        if (changed.length > 0) wrong.push(`${c.name}: changed ${changed.map((t) => `${t} ${counts[t]} → ${after[t]}`).join(", ")}`);
        counts = after;
        const health = await fetch(`${ctx.base}/api/health`);
        if (health.status !== 200) wrong.push(`${c.name}: /api/health answered ${health.status}`);
      }
      expect(wrong, `${wrong.length} of ${CASES.length} cases`).toEqual([]);
      expect(server!.output()).not.toContain("unhandled error");
    });

    test(`[HOSTILE] ${ACTION_CASES.length} refused form submissions and ${HOSTILE_SIGN_IN.length} hostile sign-ins (${database}): a field error, no row written, no session`, async ({
      playwright,
    }) => {
      test.setTimeout(300_000);
      const { email, password } = readCredentials(dataDir);
      const anonymous = await newClient(playwright, ctx.base);
      const owner = await newClient(playwright, ctx.base);
      await signInClient(owner, email, password);
      const actionCtx = { ...ctx, projectId: await projectId(owner, ctx.slug) };
      counts = await rowCounts();
      const wrong: string[] = [];
      for (const c of ACTION_CASES) {
        const client = c.signedIn ? owner : anonymous;
        const { status, result } = await callAction(client.request, ctx.base, c.action, c.input(actionCtx));
        if (status >= 500 || !result || result.ok) wrong.push(`${c.name}: ${status} ${JSON.stringify(result)?.slice(0, 160)}`);
        else if (!result.fieldErrors?.[c.field]) wrong.push(`${c.name}: no field error for ${c.field}: ${JSON.stringify(result).slice(0, 160)}`);
        const after = await rowCounts();
        const changed = Object.keys({ ...counts, ...after }).filter((table) => counts[table] !== after[table]);
        if (changed.length > 0) wrong.push(`${c.name}: changed ${changed.join(", ")}`);
        counts = after;
      }
      for (const c of HOSTILE_SIGN_IN) {
        const client = await newClient(playwright, ctx.base);
        const { csrfToken } = (await (await client.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
        const response = await client.request.post("/api/auth/callback/credentials", {
          form: { csrfToken, email: c.email, password: c.password, json: "true" },
          maxRedirects: 0,
        });
        if (response.status() >= 500) wrong.push(`sign-in with ${c.label}: ${response.status()}`);
        const session = (await (await client.request.get("/api/auth/session")).json()) as { user?: unknown } | null;
        if (session?.user) wrong.push(`sign-in with ${c.label}: signed in`);
        await client.request.dispose();
      }
      expect((await fetch(`${ctx.base}/api/health`)).status).toBe(200);
      expect(wrong, `${wrong.length} wrong`).toEqual([]);
      await anonymous.request.dispose();
      await owner.request.dispose();
    });

    test(`[HOSTILE] unusual but valid text round-trips exactly (${database})`, async () => {
      const headers = { authorization: `Bearer ${ctx.apiKey}`, "content-type": "application/json" };
      for (const { label, value } of UNUSUAL_TEXT) {
        const created = await fetch(`${ctx.base}/api/v1/runs`, {
          method: "POST",
          headers,
          body: JSON.stringify({
            name: `${value} ${ctx.unique("n")}`,
            notes: value,
            tags: [value.slice(0, 60)],
            method: value.slice(0, 90),
            config: { [value.slice(0, 100)]: value },
          }),
        });
        expect(created.status, `${label}: ${await created.clone().text()}`).toBe(201);
        const run = (await created.json()) as { id: string; name: string };
        const read = (await (await fetch(`${ctx.base}/api/v1/runs/${run.id}`, { headers })).json()) as {
          name: string;
          notes: string;
          tags: string[];
          method: string;
          config: unknown;
        };
        expect(read.name.startsWith(value), label).toBe(true);
        expect({ notes: read.notes, tags: read.tags, method: read.method, config: read.config }, label).toEqual({
          notes: value,
          tags: [value.slice(0, 60)],
          method: value.slice(0, 90),
          config: { [value.slice(0, 100)]: value },
        });
      }
    });
  });
}
