// Matrix rows of the sample explorer: its pages (members only), the sample image and thumbnail
// routes (whoever may read the sample: members, the project's key, a share link of its run) and
// the human-audit actions (editors and owners).
import { expect } from "@playwright/test";

import { act } from "../../support/accounts";

import { byCaller, forOwnerAction, fromAction, fromResponse, RUN_OUTSIDERS } from "./outcomes";
import type { TRow } from "./row";
import type { TCaller, TWorld } from "./world";

const get = (w: TWorld, c: TCaller, path: string) => w.clients[c].request.get(path, { maxRedirects: 0 }).then(fromResponse);
const memberPage = byCaller("→/sign-in", { stranger: "404", viewer: "200", editor: "200", owner: "200" });
const sampleReader = byCaller("200", RUN_OUTSIDERS);

const cache = new WeakMap<TWorld, Promise<{ sampleId: string; sessionId: string }>>();

/** A sample of run A with an image (read off the explorer as the demo's owner) and an audit session of that run. */
function fixtures(w: TWorld) {
  let found = cache.get(w);
  if (!found) {
    found = (async () => {
      const html = await (await w.admin.request.get(`/p/${w.demo.slug}/samples?run=${w.runA.id}&step=all`)).text();
      const sampleId = /\/api\/samples\/(\d+)\/thumbnail/.exec(html)?.[1];
      if (!sampleId) throw new Error("run A has no sample with an image");
      const session = await act<{ id: string }>(w.admin, "createAuditSessionAction", { projectId: w.demo.id, runId: w.runA.id, size: 3, seed: 7 });
      return { sampleId, sessionId: session.id };
    })();
    cache.set(w, found);
  }
  return found;
}

export const explorerRows: TRow[] = [
  {
    key: "GET /api/samples/[sampleId]/image",
    expected: sampleReader,
    call: async (w, c) => get(w, c, `/api/samples/${(await fixtures(w)).sampleId}/image`),
    check: (_w, _c, r) => {
      expect(r.headers["content-type"]).toMatch(/^image\//);
      expect(r.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
      expect(r.headers["cache-control"]).toContain("private");
    },
  },
  {
    key: "GET /api/samples/[sampleId]/thumbnail",
    expected: sampleReader,
    call: async (w, c) => get(w, c, `/api/samples/${(await fixtures(w)).sampleId}/thumbnail?size=128`),
    check: (_w, _c, r) => expect(r.headers["content-type"]).toBe("image/webp"),
  },
  {
    key: "page /p/[slug]/samples",
    expected: memberPage,
    call: (w, c) => get(w, c, `/p/${w.demo.slug}/samples?run=${w.runA.id}`),
  },
  {
    key: "page /p/[slug]/samples/[sampleId]",
    expected: memberPage,
    call: async (w, c) => get(w, c, `/p/${w.demo.slug}/samples/${(await fixtures(w)).sampleId}`),
  },
  {
    key: "page /p/[slug]/audit/[sessionId]",
    expected: memberPage,
    call: async (w, c) => get(w, c, `/p/${w.demo.slug}/audit/${(await fixtures(w)).sessionId}`),
  },
  {
    key: "action labelSampleAction",
    expected: forOwnerAction({ editor: "ok" }),
    call: async (w, c) => fromAction(w.clients[c], "labelSampleAction", { sampleId: (await fixtures(w)).sampleId, verdict: 1, note: "matrix" }),
  },
  {
    key: "action createAuditSessionAction",
    expected: forOwnerAction({ editor: "ok" }),
    call: (w, c) => fromAction(w.clients[c], "createAuditSessionAction", { projectId: w.demo.id, runId: w.runA.id, size: 2 }),
  },
];
