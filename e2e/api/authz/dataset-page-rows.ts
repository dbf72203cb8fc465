// Matrix rows of one real dataset (issue 13): the self-judged run's round-0 SFT set, built once per
// world by the project's key (identical builds are one dataset). Its page and its pool page are the
// members' (a key or link is sent to sign in, a stranger gets the same 404 as a set that does not
// exist); its API read and pool are the members' and the key's, never a share link's. For callers
// that get a page (not a redirect), the check also asks for a dataset that does not exist: 404, not an error page.
import { randomUUID } from "node:crypto";

import { expect } from "@playwright/test";

import { byCaller, fromResponse, PROJECT_OUTSIDERS } from "./outcomes";
import type { TRow } from "./row";
import type { TCaller, TWorld } from "./world";

const built = new WeakMap<TWorld, Promise<{ id: string; name: string; poolCount: number }>>();

/** The world's dataset: built on first use by the project's key. */
function datasetOf(w: TWorld): Promise<{ id: string; name: string; poolCount: number }> {
  let dataset = built.get(w);
  if (!dataset) {
    dataset = w.clients.keyThisProject.request.post(`/api/v1/runs/${w.runA.id}/datasets`, { data: { kind: "sft", step: 0 } }).then(async (response) => {
      if (!response.ok()) throw new Error(`building the matrix's dataset: ${response.status()} ${await response.text()}`);
      return (await response.json()) as { id: string; name: string; poolCount: number };
    });
    built.set(w, dataset);
  }
  return dataset;
}

const get = (w: TWorld, c: TCaller, path: string) => w.clients[c].request.get(path, { maxRedirects: 0 }).then(fromResponse);
const memberPage = byCaller("→/sign-in", { stranger: "404", viewer: "200", editor: "200", owner: "200" });
const apiRead = byCaller("200", PROJECT_OUTSIDERS);

export const datasetPageRows: TRow[] = [
  {
    key: "page /p/[slug]/datasets/[datasetId]",
    expected: memberPage,
    call: async (w, c) => get(w, c, `/p/${w.demo.slug}/datasets/${(await datasetOf(w)).id}`),
    check: async (w, c, r) => {
      if (r.outcome !== "200") return;
      expect(r.text).toContain((await datasetOf(w)).name.replace(/&/g, "&amp;"));
      expect((await get(w, c, `/p/${w.demo.slug}/datasets/${randomUUID()}`)).outcome).toBe("404");
    },
  },
  {
    key: "page /p/[slug]/datasets/[datasetId]/pool",
    expected: memberPage,
    call: async (w, c) => get(w, c, `/p/${w.demo.slug}/datasets/${(await datasetOf(w)).id}/pool`),
    check: async (w, c, r) => {
      if (r.outcome !== "200") return;
      expect(r.text).toContain("Discard pool");
      expect((await get(w, c, `/p/${w.demo.slug}/datasets/${randomUUID()}/pool`)).outcome).toBe("404");
      expect((await get(w, c, `/p/${w.demo.slug}/datasets/${(await datasetOf(w)).id}/pool?page=99999`)).outcome).toBe("404");
    },
  },
  {
    key: "GET /api/v1/datasets/[datasetId]",
    expected: apiRead,
    call: async (w, c) => get(w, c, `/api/v1/datasets/${(await datasetOf(w)).id}`),
    check: async (w, c, r) => {
      expect((r.json as { id: string }).id).toBe((await datasetOf(w)).id);
      expect((await get(w, c, `/api/v1/datasets/${randomUUID()}`)).outcome).toBe("404");
    },
  },
  {
    key: "GET /api/v1/datasets/[datasetId]/pool",
    expected: apiRead,
    call: async (w, c) => get(w, c, `/api/v1/datasets/${(await datasetOf(w)).id}/pool`),
    check: async (w, c, r) => {
      expect((r.json as { prompts: unknown[] }).prompts).toHaveLength((await datasetOf(w)).poolCount);
      expect((await get(w, c, `/api/v1/datasets/${randomUUID()}/pool`)).outcome).toBe("404");
    },
  },
];
