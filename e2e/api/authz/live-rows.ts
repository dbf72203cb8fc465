// Matrix rows of the live-runs polls (issue 14): "what changed since version v". A run's changes are
// read like the run (members, the project's key, share links in scope); a project's by members and
// its key only (a share link never sees anything project-wide).
import { expect } from "@playwright/test";

import { byCaller, fromResponse, PROJECT_OUTSIDERS, RUN_OUTSIDERS } from "./outcomes";
import type { TRow } from "./row";

export const liveRows: TRow[] = [
  {
    key: "GET /api/v1/runs/[runId]/changes",
    expected: byCaller("200", RUN_OUTSIDERS),
    call: (w, c) => w.clients[c].request.get(`/api/v1/runs/${w.runA.id}/changes?since=0`, { maxRedirects: 0 }).then(fromResponse),
    check: (_w, _c, r) =>
      expect(Object.keys(r.json as object).sort()).toEqual(["changed", "heartbeatAt", "lastDataAt", "stalled", "stalledAfterMinutes", "status", "version"]),
  },
  {
    key: "GET /api/v1/projects/[slug]/changes",
    expected: byCaller("200", PROJECT_OUTSIDERS),
    call: (w, c) => w.clients[c].request.get(`/api/v1/projects/${w.demo.slug}/changes`, { maxRedirects: 0 }).then(fromResponse),
    check: (_w, _c, r) => expect(r.json).toEqual({ version: expect.stringMatching(/^\d+\.\d+$/), changed: true }),
  },
];
