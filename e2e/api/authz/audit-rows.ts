// Matrix rows of the project audit log (issue 17): owners read the page, owners and admin keys the
// API (ingest and read keys get a 403 naming the admin scope, see ./key-scope-rows.ts); other
// members see a notice on the page and a 403 from the API. What is readable never holds a secret.
import { expect } from "@playwright/test";

import { byCaller, fromResponse, PROJECT_OUTSIDERS } from "./outcomes";
import type { TRow } from "./row";
import type { TWorld } from "./world";

const credentialsOf = (w: TWorld) => [...Object.values(w.keys), ...Object.values(w.links).map((link) => link.token)];

export const auditRows: TRow[] = [
  {
    key: "GET /api/v1/projects/[slug]/audit",
    expected: byCaller("200", { ...PROJECT_OUTSIDERS, viewer: "403", editor: "403" }),
    call: (w, c) => w.clients[c].request.get(`/api/v1/projects/${w.demo.slug}/audit`).then(fromResponse),
    check: async (w, c, r) => {
      expect((r.json as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
      for (const secret of credentialsOf(w)) expect(r.text).not.toContain(secret);
      // The world itself made share links and members join: filtered pages find them.
      for (const action of ["share_link.created", "share_link.first_used", "member.joined", "api_key.revoked"]) {
        const page = (await (await w.clients[c].request.get(`/api/v1/projects/${w.demo.slug}/audit?action=${action}`)).json()) as {
          entries: { action: string }[];
        };
        expect(page.entries.length, action).toBeGreaterThan(0);
        expect(new Set(page.entries.map((e) => e.action))).toEqual(new Set([action]));
      }
    },
  },
  {
    key: "page /p/[slug]/audit",
    expected: byCaller("→/sign-in", { stranger: "404", viewer: "200", editor: "200", owner: "200" }),
    call: (w, c) => w.clients[c].request.get(`/p/${w.demo.slug}/audit`, { maxRedirects: 0 }).then(fromResponse),
    check: (w, c, r) => {
      if (r.outcome !== "200") return;
      expect(r.text.includes("api_key.created")).toBe(c === "owner");
      if (c !== "owner") expect(r.text).toContain("Only the project&#x27;s owners can read its audit log.");
      for (const secret of credentialsOf(w)) expect(r.text).not.toContain(secret);
    },
  },
];
