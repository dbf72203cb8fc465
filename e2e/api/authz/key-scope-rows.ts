// API key scopes in the matrix (issue 17). keyIngest and keyRead are this project's keys with the
// ingest and read scopes: on every row they get what the admin key (keyThisProject, the demo's key,
// admin since the migration) gets, unless SCOPE_REFUSALS below names a refusal. A read key writes
// nothing; an ingest key writes runs and their data; only admin keys (and owners) manage keys and
// webhooks and build datasets. Also the rows of the API key routes themselves.
import { randomBytes } from "node:crypto";

import { expect } from "@playwright/test";

import { act } from "../../support/accounts";

import { byCaller, fromResponse, PROJECT_OUTSIDERS } from "./outcomes";
import type { TRow } from "./row";

type TScopedKey = "keyIngest" | "keyRead";

const WRITE = { keyRead: "403" } as const;
const ADMIN_ONLY = { keyIngest: "403", keyRead: "403" } as const;

/** Where a scoped key's outcome differs from the admin key's: each a 403 naming the missing scope. */
const SCOPE_REFUSALS: Record<string, Partial<Record<TScopedKey, string>>> = {
  "POST /api/v1/runs": WRITE,
  "PATCH /api/v1/runs/[runId]": WRITE,
  "POST /api/v1/runs/[runId]/heartbeat": WRITE,
  "POST /api/v1/runs/[runId]/metrics": WRITE,
  "POST /api/v1/runs/[runId]/samples": WRITE,
  "POST /api/v1/runs/[runId]/judgments": WRITE,
  "POST /api/v1/prompts": WRITE,
  "PUT /api/v1/blobs/[sha256]": WRITE,
  "POST /api/v1/blobs/check": WRITE,
  "POST /api/v1/blobs/[sha256]/confirm": WRITE,
  "PUT /api/v1/projects/[slug]/alert-rules": WRITE,
  "POST /api/v1/runs/[runId]/datasets": ADMIN_ONLY,
  "POST /api/v1/projects/[slug]/webhooks": ADMIN_ONLY,
  "GET /api/v1/projects/[slug]/webhooks": ADMIN_ONLY,
  "DELETE /api/v1/projects/[slug]/webhooks/[webhookId]": ADMIN_ONLY,
  "GET /api/v1/projects/[slug]/webhooks/[webhookId]/deliveries": ADMIN_ONLY,
  "GET /api/v1/projects/[slug]/api-keys": ADMIN_ONLY,
  "POST /api/v1/projects/[slug]/api-keys": ADMIN_ONLY,
  "DELETE /api/v1/projects/[slug]/api-keys/[keyId]": ADMIN_ONLY,
  "GET /api/v1/projects/[slug]/audit": ADMIN_ONLY,
};

/** Gives every row the scoped keys' outcomes: the admin key's, or the refusal SCOPE_REFUSALS names. */
export function withKeyScopes(rows: TRow[]): TRow[] {
  const unknown = Object.keys(SCOPE_REFUSALS).filter((key) => !rows.some((row) => row.key === key));
  if (unknown.length > 0) throw new Error(`SCOPE_REFUSALS names rows that do not exist: ${unknown.join(", ")}`);
  return rows.map((row) => {
    const refusals = SCOPE_REFUSALS[row.key] ?? {};
    return {
      ...row,
      // A scope refusal says which scope is missing; one that does not is a mismatch.
      call: async (w, c) => {
        const result = await row.call(w, c);
        const named = c === "keyIngest" || c === "keyRead" ? refusals[c] : undefined;
        return named && result.outcome === named && !/needs an API key with the \w+ scope/.test(result.text)
          ? { ...result, outcome: `${named} (scope not named)` }
          : result;
      },
      expected: { ...row.expected, keyIngest: refusals.keyIngest ?? row.expected.keyThisProject, keyRead: refusals.keyRead ?? row.expected.keyThisProject },
    };
  });
}

const ownersAndAdminKeys = { ...PROJECT_OUTSIDERS, viewer: "403", editor: "403" } as const;
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

type TListedKey = { id: string; name: string; prefix: string; scope: string };

export const apiKeyRows: TRow[] = [
  {
    key: "GET /api/v1/projects/[slug]/api-keys",
    expected: byCaller("200", ownersAndAdminKeys),
    call: (w, c) => w.clients[c].request.get(`/api/v1/projects/${w.demo.slug}/api-keys`).then(fromResponse),
    check: (_w, _c, r) => {
      const keys = (r.json as { keys: TListedKey[] }).keys;
      expect(keys.find((k) => k.name === "read key")?.scope).toBe("read");
      expect(keys.find((k) => k.name === "ingest key")?.scope).toBe("ingest");
      // Prefixes only: no secret, no hash.
      expect(r.text).not.toMatch(/ugk_[A-Za-z0-9_-]{30,}/);
      expect(r.text).not.toContain("keyHash");
    },
  },
  {
    key: "POST /api/v1/projects/[slug]/api-keys",
    expected: byCaller("201", ownersAndAdminKeys),
    call: (w, c) =>
      w.clients[c].request
        .post(`/api/v1/projects/${w.demo.slug}/api-keys`, { data: { name: unique("api made"), scope: "read" }, maxRedirects: 0 })
        .then(fromResponse),
    check: async (w, _c, r) => {
      const made = r.json as { secret: string; scope: string };
      expect(made.scope).toBe("read");
      // The new key works at once, with its scope: it reads, it does not write.
      const client = { headers: { authorization: `Bearer ${made.secret}` } };
      expect((await w.clients.anonymous.request.get(`/api/v1/runs/${w.runA.id}`, client)).status()).toBe(200);
      expect((await w.clients.anonymous.request.post(`/api/v1/runs/${w.runA.id}/heartbeat`, client)).status()).toBe(403);
    },
  },
  {
    key: "DELETE /api/v1/projects/[slug]/api-keys/[keyId]",
    expected: byCaller("200", ownersAndAdminKeys),
    call: async (w, c) => {
      const victim = await act<{ id: string; secret: string }>(w.admin, "createApiKeyAction", { projectId: w.demo.id, name: unique("victim"), scope: "read" });
      const result = await w.clients[c].request.delete(`/api/v1/projects/${w.demo.slug}/api-keys/${victim.id}`).then(fromResponse);
      // Revoked means refused on the very next request; anything else leaves the key working.
      const probe = await w.clients.anonymous.request.get("/api/v1/projects", { headers: { authorization: `Bearer ${victim.secret}` } });
      expect(probe.status()).toBe(result.outcome === "200" ? 401 : 200);
      return result;
    },
  },
];
