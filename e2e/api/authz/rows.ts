// The authorization matrix: every route handler, page and server action of the app, and what each
// caller of ./world.ts gets from it. A new route, page or action needs a row here (the guard test
// in ../authorization-matrix.spec.ts fails until it has one): its key, the expected outcome per
// caller, how to call it, and optionally what a successful answer may contain.
import { randomBytes, randomUUID } from "node:crypto";

import { expect } from "@playwright/test";

import { act, openInvite } from "../../support/accounts";

import { alertRows } from "./alert-rows";
import { auditRows } from "./audit-rows";
import { datasetPageRows } from "./dataset-page-rows";
import { datasetRows } from "./dataset-rows";
import { explorerRows } from "./explorer-rows";
import { ingestRows } from "./ingest-rows";
import { apiKeyRows, withKeyScopes } from "./key-scope-rows";
import { liveRows } from "./live-rows";
import type { TRow } from "./row";
import { byCaller, forOwnerAction, forSignedIn, fromAction, fromResponse, isSignedIn, RUN_OUTSIDERS } from "./outcomes";
import type { TCaller, TWorld } from "./world";

const get = (world: TWorld, caller: TCaller, path: string) => world.clients[caller].request.get(path, { maxRedirects: 0 }).then(fromResponse);
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

async function freshInvite(world: TWorld, projectId: string) {
  return act<{ id: string; path: string }>(world.admin, "createInviteAction", { projectId, role: "viewer", expiresInDays: 1 });
}

/** The read-only analyses of one run: members, the project's keys and share links in scope read them; everyone else gets 404 or 401. */
const RUN_ANALYSES = ["summary", "audit", "curriculum", "flips"] as const;
const runAnalysisRow = (analysis: (typeof RUN_ANALYSES)[number]): TRow => ({
  key: `GET /api/v1/runs/[runId]/${analysis}`,
  expected: byCaller("200", RUN_OUTSIDERS),
  call: (w, c) => get(w, c, `/api/v1/runs/${w.runA.id}/${analysis}`),
  check: (w, _c, r) => expect((r.json as { runId: string }).runId).toBe(w.runA.id),
});

const apiRows: TRow[] = [
  {
    // Public, but credentials that are sent must be valid: a revoked key or link learns it here too.
    key: "GET /api/health",
    expected: byCaller("200", { shareRevoked: "401", shareExpired: "401", keyRevoked: "401" }),
    call: (w, c) => get(w, c, "/api/health"),
    check: (_w, _c, r) => expect(Object.keys(r.json as object).sort()).toEqual(["database", "migrations", "ok"]),
  },
  {
    key: "GET /api/auth/[...nextauth]",
    expected: byCaller("200", {}),
    call: (w, c) => get(w, c, "/api/auth/session"),
    check: (w, c, r) => {
      const user = (r.json as { user?: { email?: string } }).user;
      expect(user?.email ?? null).toBe(isSignedIn(c) ? w.users[c].email : null);
    },
  },
  {
    // next-auth's own CSRF check: a POST without its token changes nothing.
    key: "POST /api/auth/[...nextauth]",
    expected: byCaller("→/api/auth/signout", {}),
    call: (w, c) => w.clients[c].request.post("/api/auth/signout", { form: { callbackUrl: "/" }, maxRedirects: 0 }).then(fromResponse),
    check: async (w, c) => {
      if (!isSignedIn(c)) return;
      const session = (await (await w.clients[c].request.get("/api/auth/session")).json()) as { user?: { email?: string } };
      expect(session.user?.email).toBe(w.users[c].email);
    },
  },
  {
    key: "GET /api/v1/projects",
    expected: byCaller("200", { anonymous: "401", shareRevoked: "401", shareExpired: "401", keyRevoked: "401" }),
    call: (w, c) => get(w, c, "/api/v1/projects"),
    check: (w, c, r) => {
      const slugs = (r.json as { projects: { slug: string }[] }).projects.map((p) => p.slug);
      if (c === "shareInScope" || c === "shareOutOfScope") expect(slugs).toEqual([]);
      if (c === "keyThisProject" || c === "keyIngest" || c === "keyRead") expect(slugs).toEqual([w.demo.slug]);
      if (c === "keyOtherProject" || c === "stranger") expect(slugs).toEqual([w.strangerProject.slug]);
      if (c === "viewer" || c === "editor" || c === "owner") expect(slugs).toContain(w.demo.slug);
      if (c !== "stranger" && c !== "keyOtherProject") expect(slugs).not.toContain(w.strangerProject.slug);
    },
  },
  {
    key: "GET /api/v1/runs/[runId]",
    expected: byCaller("200", RUN_OUTSIDERS),
    call: (w, c) => get(w, c, `/api/v1/runs/${w.runA.id}`),
    check: (w, c, r) => {
      const run = r.json as { name: string; baselineRunId: string | null };
      expect(run.name).toBe(w.runA.name);
      // A share link of one run does not reveal the run it is compared against.
      if (c === "shareInScope") expect(run.baselineRunId).toBeNull();
    },
  },
  {
    // Dense-curve buckets: anyone who may read the run, share links within their scope.
    key: "GET /api/series/buckets",
    expected: byCaller("200", RUN_OUTSIDERS),
    call: (w, c) => get(w, c, `/api/series/buckets?runs=${w.runA.id}&key=train/loss`),
    check: (w, _c, r) =>
      expect(
        (r.json as { series: { runId: string }[]; missing: { runId: string }[] }).series
          .concat((r.json as { missing: { runId: string }[] }).missing)
          .map((s) => s.runId),
      ).toEqual([w.runA.id]),
  },
  {
    // Local operator route for `npm run seed`: only the admin token in the data folder opens it; no
    // session, key or share link does (revoked credentials are refused before that).
    key: "POST /api/internal/seed",
    expected: byCaller("401", {}),
    call: (w, c) => w.clients[c].request.post("/api/internal/seed", { data: { scenario: "tiny" }, maxRedirects: 0 }).then(fromResponse),
  },
  {
    key: "GET /api/internal/seed",
    expected: byCaller("401", {}),
    call: (w, c) => get(w, c, `/api/internal/seed?job=${randomUUID()}`),
  },
  {
    // Test support for the hostile-input specs: the admin token first, then off unless UNIGAP_TEST_ROW_COUNTS=1.
    key: "GET /api/internal/row-counts",
    expected: byCaller("401", {}),
    call: (w, c) => get(w, c, "/api/internal/row-counts"),
  },
  ...RUN_ANALYSES.map(runAnalysisRow),
  {
    // The paper table reads every run it names. A link of runA reads runA's table ("200"), but one run
    // outside a caller's reach makes the whole table a 404 ("200/404": runA alone, then runB with runA).
    key: "GET /api/v1/paper-table",
    expected: byCaller("200", {
      anonymous: "401",
      shareInScope: "200/404",
      shareOutOfScope: "404",
      shareRevoked: "401",
      shareExpired: "401",
      keyOtherProject: "404",
      keyRevoked: "401",
      stranger: "404",
    }),
    call: async (w, c) => {
      const one = await get(w, c, `/api/v1/paper-table?runs=${w.runA.id}&benchmark=geneval`);
      const two = await get(w, c, `/api/v1/paper-table?runs=${w.runB.id},${w.runA.id}&benchmark=geneval&format=csv`);
      if (one.outcome === two.outcome) return one;
      // Mixed: the matrix checks the refusal's text for leaks, so it is the text returned.
      return { ...two, outcome: `${one.outcome}/${two.outcome}` };
    },
    check: (w, c, r) => {
      const table = r.json as { rows: { runId: string; runName: string }[] };
      expect(table.rows.map((row) => row.runId)).toEqual([w.runA.id]);
      if (c !== "shareInScope") expect(table.rows[0]!.runName).toBe(w.runA.name);
    },
  },
  {
    key: "GET /share/[token]",
    expected: byCaller("→/shared/not-valid", { shareInScope: "→/shared/own", shareOutOfScope: "→/shared/own" }),
    call: async (w, c) => {
      const own = { shareInScope: w.links.inScope, shareOutOfScope: w.links.outOfScope, shareRevoked: w.links.revoked, shareExpired: w.links.expired }[
        c as string
      ];
      const token = own?.token ?? `ugs_${randomBytes(32).toString("base64url")}`;
      const result = await get(w, c, `/share/${token}`);
      return own ? { ...result, outcome: result.outcome.replace(`/shared/${own.id}`, "/shared/own") } : result;
    },
    check: (_w, _c, r) => {
      if (r.outcome === "→/shared/own") expect(r.headers["set-cookie"] ?? "").toMatch(/HttpOnly/i);
    },
  },
];

const pageRows: TRow[] = [
  { key: "page /", expected: byCaller("→/projects", {}), call: (w, c) => get(w, c, "/") },
  { key: "page /sign-in", expected: forSignedIn("→/projects", "200"), call: (w, c) => get(w, c, "/sign-in") },
  { key: "page /sign-up", expected: forSignedIn("→/projects", "200"), call: (w, c) => get(w, c, "/sign-up") },
  {
    key: "page /projects",
    expected: forSignedIn("200", "→/sign-in"),
    call: (w, c) => get(w, c, "/projects"),
    check: (w, c, r) => {
      if (r.outcome === "200") expect(r.text.includes(w.demo.name)).toBe(c !== "stranger");
    },
  },
  { key: "page /account", expected: forSignedIn("200", "→/sign-in"), call: (w, c) => get(w, c, "/account") },
  {
    key: "page /p/[slug]",
    expected: byCaller("→/sign-in", { stranger: "404", viewer: "200", editor: "200", owner: "200" }),
    call: (w, c) => get(w, c, `/p/${w.demo.slug}`),
  },
  {
    key: "page /p/[slug]/runs/[runId]",
    expected: byCaller("→/sign-in", { stranger: "404", viewer: "200", editor: "200", owner: "200" }),
    call: (w, c) => get(w, c, `/p/${w.demo.slug}/runs/${w.runA.id}`),
    check: (w, _c, r) => {
      if (r.outcome === "200") expect(r.text).toContain(w.runA.name);
    },
  },
  {
    key: "page /p/[slug]/compare",
    expected: byCaller("→/sign-in", { stranger: "404", viewer: "200", editor: "200", owner: "200" }),
    call: (w, c) => get(w, c, `/p/${w.demo.slug}/compare?runs=${w.runA.id},${w.runB.id}`),
  },
  {
    key: "page /p/[slug]/paper-table",
    expected: byCaller("→/sign-in", { stranger: "404", viewer: "200", editor: "200", owner: "200" }),
    call: (w, c) => get(w, c, `/p/${w.demo.slug}/paper-table?runs=${w.runA.id}&benchmark=geneval`),
    check: (w, _c, r) => {
      if (r.outcome === "200") expect(r.text).toContain(w.runA.name);
    },
  },
  {
    key: "page /p/[slug]/settings",
    expected: byCaller("→/sign-in", { stranger: "404", viewer: "200", editor: "200", owner: "200" }),
    call: (w, c) => get(w, c, `/p/${w.demo.slug}/settings`),
    check: (_w, c, r) => {
      if (r.outcome !== "200") return;
      // Panels a role may not use are not rendered (and their services would refuse them anyway).
      expect(r.text.includes(">API keys<")).toBe(c === "owner");
      expect(r.text.includes(">Invitations<")).toBe(c === "owner");
      expect(r.text.includes(">Share links<")).toBe(c !== "viewer");
      expect(r.text.includes(">Webhooks<")).toBe(c === "owner");
      expect(r.text.includes(">Alert rules<")).toBe(c !== "viewer");
    },
  },
  {
    key: "page /shared/[linkId]",
    expected: byCaller("404", { shareInScope: "200" }),
    call: (w, c) => get(w, c, `/shared/${c === "shareRevoked" ? w.links.revoked.id : c === "shareExpired" ? w.links.expired.id : w.links.inScope.id}`),
    check: (w, _c, r) => {
      expect(r.text).toContain(w.runA.name);
      expect(r.text).not.toContain(w.runB.name);
      expect(r.headers["x-robots-tag"]).toContain("noindex");
      expect(r.text).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    },
  },
  {
    // The link itself: its token goes into an http-only cookie, whoever follows it.
    key: "GET /invite/[token]",
    expected: byCaller("→/invite", {}),
    call: async (w, c) => get(w, c, (await freshInvite(w, w.inviteTarget.id)).path),
    check: (_w, _c, r) => expect(r.headers["set-cookie"] ?? "").toMatch(/^unigap-invite=ugi_.*HttpOnly/i),
  },
  {
    // Whoever holds an invitation link sees the project's name and the role on offer, no more.
    key: "page /invite",
    expected: byCaller("200", {}),
    call: async (w, c) => {
      await openInvite(w.clients[c], (await freshInvite(w, w.inviteTarget.id)).path);
      return get(w, c, "/invite");
    },
    check: (w, _c, r) => expect(r.text).toContain(w.inviteTarget.name),
  },
];

const actionRows: TRow[] = [
  {
    key: "action signUpAction",
    expected: byCaller("ok", {}),
    call: (w, c) => fromAction(w.clients[c], "signUpAction", { email: `${unique("matrix")}@e2e.unigap`, password: "a-long-enough-password" }),
  },
  {
    key: "action changePasswordAction",
    expected: forSignedIn("fieldErrors", "UNAUTHORIZED"),
    // A wrong current password: proves the caller got through to the check without ending their session.
    call: (w, c) => fromAction(w.clients[c], "changePasswordAction", { currentPassword: "not-my-password", newPassword: "another-long-password" }),
  },
  {
    key: "action createProjectAction",
    expected: forSignedIn("ok", "UNAUTHORIZED"),
    call: (w, c) => fromAction(w.clients[c], "createProjectAction", { name: "Matrix", slug: unique("matrix") }),
  },
  {
    key: "action acceptInviteAction",
    expected: forSignedIn("ok", "UNAUTHORIZED"),
    call: async (w, c) => {
      await openInvite(w.clients[c], (await freshInvite(w, w.inviteTarget.id)).path);
      return fromAction(w.clients[c], "acceptInviteAction", {});
    },
  },
  {
    key: "action createInviteAction",
    expected: forOwnerAction(),
    call: (w, c) => fromAction(w.clients[c], "createInviteAction", { projectId: w.demo.id, role: "viewer", expiresInDays: 1 }),
    check: (_w, _c, r) => expect((r.json as { data: { path: string } }).data.path).toMatch(/^\/invite\/ugi_/),
  },
  {
    key: "action revokeInviteAction",
    expected: forOwnerAction(),
    call: async (w, c) => fromAction(w.clients[c], "revokeInviteAction", { projectId: w.demo.id, inviteId: (await freshInvite(w, w.demo.id)).id }),
  },
  {
    key: "action changeMemberRoleAction",
    expected: forOwnerAction(),
    call: (w, c) => fromAction(w.clients[c], "changeMemberRoleAction", { projectId: w.demo.id, userId: w.users.member.userId, role: "viewer" }),
  },
  {
    key: "action removeMemberAction",
    expected: forOwnerAction(),
    call: (w, c) => fromAction(w.clients[c], "removeMemberAction", { projectId: w.demo.id, userId: w.users.member.userId }),
    check: async (w) => {
      const list = (await (await w.users.member.request.get("/api/v1/projects")).json()) as { projects: { slug: string }[] };
      expect(list.projects.map((p) => p.slug)).not.toContain(w.demo.slug);
    },
  },
  {
    key: "action deleteProjectAction",
    expected: forOwnerAction(),
    call: (w, c) => fromAction(w.clients[c], "deleteProjectAction", { projectId: w.doomed.id, confirmSlug: w.doomed.slug }),
    check: async (w) => expect((await w.users.owner.request.get(`/p/${w.doomed.slug}`)).status()).toBe(404),
  },
  {
    key: "action createApiKeyAction",
    expected: forOwnerAction(),
    call: (w, c) => fromAction(w.clients[c], "createApiKeyAction", { projectId: w.demo.id, name: unique("key") }),
    check: (_w, _c, r) => expect((r.json as { data: { secret: string } }).data.secret).toMatch(/^ugk_/),
  },
  {
    key: "action revokeApiKeyAction",
    expected: forOwnerAction(),
    call: async (w, c) => {
      const key = await act<{ id: string; secret: string }>(w.admin, "createApiKeyAction", { projectId: w.demo.id, name: unique("victim") });
      const result = await fromAction(w.clients[c], "revokeApiKeyAction", { projectId: w.demo.id, keyId: key.id });
      // Revoked means refused on the very next request; anything else leaves the key working.
      const probe = await w.clients.anonymous.request.get("/api/v1/projects", { headers: { authorization: `Bearer ${key.secret}` } });
      expect(probe.status()).toBe(result.outcome === "ok" ? 401 : 200);
      return result;
    },
  },
  {
    key: "action createShareLinkAction",
    expected: forOwnerAction({ editor: "ok" }),
    call: (w, c) => fromAction(w.clients[c], "createShareLinkAction", { projectId: w.demo.id, scope: "run", runId: w.runA.id }),
    check: (_w, _c, r) => expect((r.json as { data: { path: string } }).data.path).toMatch(/^\/share\/ugs_[A-Za-z0-9_-]{43}$/),
  },
  {
    key: "action revokeShareLinkAction",
    // The admin made each link: owners revoke any link, editors only their own.
    expected: forOwnerAction(),
    call: async (w, c) => {
      const link = await act<{ id: string; path: string }>(w.admin, "createShareLinkAction", { projectId: w.demo.id, scope: "run", runId: w.runA.id });
      const result = await fromAction(w.clients[c], "revokeShareLinkAction", { projectId: w.demo.id, linkId: link.id });
      const probe = await w.clients.anonymous.request.get(`/api/v1/runs/${w.runA.id}`, {
        headers: { authorization: `Bearer ${link.path.replace("/share/", "")}` },
      });
      expect(probe.status()).toBe(result.outcome === "ok" ? 401 : 200);
      return result;
    },
  },
];

export const ROWS: TRow[] = withKeyScopes([
  ...apiRows,
  ...ingestRows,
  ...explorerRows,
  ...pageRows,
  ...actionRows,
  ...datasetRows,
  ...datasetPageRows,
  ...liveRows,
  ...alertRows,
  ...apiKeyRows,
  ...auditRows,
]);
