// Matrix rows of the datasets API (issue 13): members and the project's keys preview and read,
// editors and keys build, viewers may not build, share links see nothing project-wide (404).
// Step 999999 does not exist, so an authorized build is a 422 naming it and nothing is stored.
import { randomUUID } from "node:crypto";

import { byCaller, fromResponse } from "./outcomes";
import type { TRow } from "./row";

const refused = {
  anonymous: "401",
  shareInScope: "404",
  shareOutOfScope: "404",
  shareRevoked: "401",
  shareExpired: "401",
  keyOtherProject: "404",
  keyRevoked: "401",
  stranger: "404",
} as const;

export const datasetRows: TRow[] = [
  {
    key: "POST /api/v1/runs/[runId]/datasets/preview",
    expected: byCaller("422", refused),
    call: (w, c) =>
      w.clients[c].request.post(`/api/v1/runs/${w.runA.id}/datasets/preview`, { data: { kind: "sft", step: 999_999 }, maxRedirects: 0 }).then(fromResponse),
  },
  {
    key: "POST /api/v1/runs/[runId]/datasets",
    expected: byCaller("422", { ...refused, viewer: "403" }),
    call: (w, c) =>
      w.clients[c].request.post(`/api/v1/runs/${w.runA.id}/datasets`, { data: { kind: "sft", step: 999_999 }, maxRedirects: 0 }).then(fromResponse),
  },
  {
    key: "GET /api/v1/datasets/[datasetId]",
    expected: byCaller("404", { anonymous: "401", shareRevoked: "401", shareExpired: "401", keyRevoked: "401" }),
    call: (w, c) => w.clients[c].request.get(`/api/v1/datasets/${randomUUID()}`).then(fromResponse),
  },
  {
    key: "GET /api/v1/datasets/[datasetId]/pool",
    expected: byCaller("404", { anonymous: "401", shareRevoked: "401", shareExpired: "401", keyRevoked: "401" }),
    call: (w, c) => w.clients[c].request.get(`/api/v1/datasets/${randomUUID()}/pool`).then(fromResponse),
  },
  {
    key: "GET /api/v1/projects/[slug]/datasets",
    expected: byCaller("200", refused),
    call: (w, c) => w.clients[c].request.get(`/api/v1/projects/${w.demo.slug}/datasets`).then(fromResponse),
  },
];
datasetRows.push({
  key: "GET /api/v1/datasets/[datasetId]/export",
  expected: byCaller("404", { anonymous: "401", shareRevoked: "401", shareExpired: "401", keyRevoked: "401" }),
  call: (w, c) => w.clients[c].request.get(`/api/v1/datasets/${randomUUID()}/export`).then(fromResponse),
});
