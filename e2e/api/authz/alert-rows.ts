// Matrix rows of alerts, alert rules and webhooks (issue 14). Webhooks: owners and the project's key;
// rules: read by members and the key, replaced by owners, editors and the key; alerts: read by whoever
// may read the project (a run's alerts also by a share link of the run). Calls that get through change
// nothing: a refused URL, an empty rule set on a project without rules, ids that do not exist.
import { randomUUID } from "node:crypto";

import { byCaller, forOwnerAction, forSignedIn, fromAction, fromResponse, PROJECT_OUTSIDERS } from "./outcomes";
import type { TRow } from "./row";

const refused = PROJECT_OUTSIDERS;
const ownersAndKey = { ...refused, viewer: "403", editor: "403" } as const;

export const alertRows: TRow[] = [
  {
    key: "POST /api/v1/projects/[slug]/webhooks",
    expected: byCaller("422", ownersAndKey),
    call: (w, c) =>
      w.clients[c].request.post(`/api/v1/projects/${w.demo.slug}/webhooks`, { data: { url: "ftp://example.com/hook" }, maxRedirects: 0 }).then(fromResponse),
  },
  {
    key: "GET /api/v1/projects/[slug]/webhooks",
    expected: byCaller("200", ownersAndKey),
    call: (w, c) => w.clients[c].request.get(`/api/v1/projects/${w.demo.slug}/webhooks`).then(fromResponse),
  },
  {
    key: "DELETE /api/v1/projects/[slug]/webhooks/[webhookId]",
    expected: byCaller("404", ownersAndKey),
    call: (w, c) => w.clients[c].request.delete(`/api/v1/projects/${w.demo.slug}/webhooks/${randomUUID()}`).then(fromResponse),
  },
  {
    key: "GET /api/v1/projects/[slug]/webhooks/[webhookId]/deliveries",
    expected: byCaller("404", ownersAndKey),
    call: (w, c) => w.clients[c].request.get(`/api/v1/projects/${w.demo.slug}/webhooks/${randomUUID()}/deliveries`).then(fromResponse),
  },
  {
    key: "GET /api/v1/projects/[slug]/alert-rules",
    expected: byCaller("200", refused),
    call: (w, c) => w.clients[c].request.get(`/api/v1/projects/${w.demo.slug}/alert-rules`).then(fromResponse),
  },
  {
    key: "PUT /api/v1/projects/[slug]/alert-rules",
    expected: byCaller("200", { ...refused, viewer: "403" }),
    call: (w, c) => w.clients[c].request.put(`/api/v1/projects/${w.demo.slug}/alert-rules`, { data: { rules: [] } }).then(fromResponse),
  },
  {
    key: "GET /api/v1/projects/[slug]/alerts",
    expected: byCaller("200", refused),
    call: (w, c) => w.clients[c].request.get(`/api/v1/projects/${w.demo.slug}/alerts?status=open`).then(fromResponse),
  },
  {
    key: "GET /api/v1/runs/[runId]/alerts",
    expected: byCaller("200", { ...refused, shareInScope: "200" }),
    call: (w, c) => w.clients[c].request.get(`/api/v1/runs/${w.runA.id}/alerts`).then(fromResponse),
  },
  {
    key: "POST /api/v1/alerts/[alertId]/acknowledge",
    expected: byCaller("404", { anonymous: "401", shareRevoked: "401", shareExpired: "401", keyRevoked: "401" }),
    call: (w, c) => w.clients[c].request.post(`/api/v1/alerts/${randomUUID()}/acknowledge`).then(fromResponse),
  },
];

// The Alerts page, the settings forms and the acknowledge button (server actions take only a session).
alertRows.push(
  {
    key: "page /p/[slug]/alerts",
    expected: byCaller("→/sign-in", { stranger: "404", viewer: "200", editor: "200", owner: "200" }),
    call: (w, c) => w.clients[c].request.get(`/p/${w.demo.slug}/alerts`, { maxRedirects: 0 }).then(fromResponse),
  },
  {
    key: "action saveAlertRulesAction",
    expected: forOwnerAction({ editor: "ok" }),
    call: (w, c) => fromAction(w.clients[c], "saveAlertRulesAction", { slug: w.demo.slug, rules: [] }),
  },
  {
    key: "action createWebhookAction",
    expected: forOwnerAction({ owner: "fieldErrors" }),
    call: (w, c) => fromAction(w.clients[c], "createWebhookAction", { slug: w.demo.slug, url: "ftp://example.com/hook", format: "json" }),
  },
  {
    key: "action deleteWebhookAction",
    expected: forOwnerAction({ owner: "NOT_FOUND" }),
    call: (w, c) => fromAction(w.clients[c], "deleteWebhookAction", { slug: w.demo.slug, webhookId: randomUUID() }),
  },
  {
    key: "action acknowledgeAlertAction",
    expected: forSignedIn("NOT_FOUND", "UNAUTHORIZED"),
    call: (w, c) => fromAction(w.clients[c], "acknowledgeAlertAction", { alertId: randomUUID() }),
  },
);
