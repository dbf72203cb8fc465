// Matrix rows of the datasets API (issue 13): members and the project's keys preview and read,
// editors and keys build, viewers may not build, share links see nothing project-wide (404).
// Step 999999 does not exist, so an authorized build is a 422 naming it and nothing is stored.
// The dataset page, its pool page and the API reads of one real dataset are in dataset-page-rows.ts.
import { randomUUID } from "node:crypto";

import { byCaller, forOwnerAction, fromAction, fromResponse, PROJECT_OUTSIDERS } from "./outcomes";
import type { TRow } from "./row";
import type { TCaller, TWorld } from "./world";

const get = (w: TWorld, c: TCaller, path: string) => w.clients[c].request.get(path, { maxRedirects: 0 }).then(fromResponse);
const memberPage = byCaller("→/sign-in", { stranger: "404", viewer: "200", editor: "200", owner: "200" });

const refused = PROJECT_OUTSIDERS;

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

// The datasets pages (members only) and their server actions (a session only: keys and links are
// UNAUTHORIZED). The build form's preview is a viewer's right, the build an editor's; step 999999
// makes every authorized call a field error, so nothing is stored. The threshold is set to its default.
datasetRows.push(
  { key: "page /p/[slug]/datasets", expected: memberPage, call: (w, c) => get(w, c, `/p/${w.demo.slug}/datasets`) },
  {
    key: "action previewDatasetAction",
    expected: byCaller("UNAUTHORIZED", { stranger: "NOT_FOUND", viewer: "fieldErrors", editor: "fieldErrors", owner: "fieldErrors" }),
    call: (w, c) => fromAction(w.clients[c], "previewDatasetAction", { runId: w.runA.id, recipe: { kind: "sft", step: 999_999 } }),
  },
  {
    key: "action buildDatasetAction",
    expected: byCaller("UNAUTHORIZED", { stranger: "NOT_FOUND", viewer: "FORBIDDEN", editor: "fieldErrors", owner: "fieldErrors" }),
    call: (w, c) => fromAction(w.clients[c], "buildDatasetAction", { runId: w.runA.id, recipe: { kind: "sft", step: 999_999 } }),
  },
  {
    key: "action setPrecisionThresholdAction",
    expected: forOwnerAction(),
    call: (w, c) => fromAction(w.clients[c], "setPrecisionThresholdAction", { projectId: w.demo.id, threshold: 0.6 }),
  },
);
