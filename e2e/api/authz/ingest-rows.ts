// Matrix rows of the ingestion API (/api/v1): writes take a project API key only (a session cookie or
// a share link is a 401 there, which also rules out cross-site form posts); reads take any caller
// who can see the project or run.
import { createHash, randomBytes } from "node:crypto";

import { expect } from "@playwright/test";

import { byCaller, fromResponse, type TResult } from "./outcomes";
import type { TRow } from "./row";
import type { TCaller, TWorld } from "./world";

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;
const post = (w: TWorld, c: TCaller, path: string, data: unknown): Promise<TResult> =>
  w.clients[c].request.post(path, { data, maxRedirects: 0 }).then(fromResponse);

/** Only this project's key may write: the other project's key sees no such run (404). */
const keyWrite = (ok: string, otherKey = "404") => byCaller("401", { keyThisProject: ok, keyOtherProject: otherKey });

// A valid 1×1 PNG, different per call so the upload is always new.
function tinyPng(): Buffer {
  const base = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  return Buffer.concat([base, Buffer.from(`tEXt${randomBytes(4).toString("hex")}`)]); // trailing bytes after IEND are ignored by decoders
}

export const ingestRows: TRow[] = [
  {
    key: "GET /api/v1/runs",
    expected: byCaller("200", {
      anonymous: "401",
      shareInScope: "404",
      shareOutOfScope: "404",
      shareRevoked: "401",
      shareExpired: "401",
      keyOtherProject: "403",
      keyRevoked: "401",
      stranger: "404",
    }),
    call: (w, c) => w.clients[c].request.get(`/api/v1/runs?project=${w.demo.slug}&name=${encodeURIComponent(w.runA.name)}`).then(fromResponse),
    check: (w, _c, r) => {
      // The name filter finds run A wherever it falls in the newest-first listing.
      const ids = (r.json as { runs: { id: string }[] }).runs.map((run) => run.id);
      expect(ids).toContain(w.runA.id);
    },
  },
  {
    key: "POST /api/v1/runs",
    expected: keyWrite("201", "403"),
    call: (w, c) => post(w, c, "/api/v1/runs", { project: w.demo.slug, name: unique("matrix-run") }),
  },
  {
    key: "PATCH /api/v1/runs/[runId]",
    expected: keyWrite("200"),
    call: (w, c) => w.clients[c].request.patch(`/api/v1/runs/${w.runA.id}`, { data: { notes: `touched by ${c}` } }).then(fromResponse),
  },
  {
    key: "POST /api/v1/runs/[runId]/heartbeat",
    expected: keyWrite("200"),
    call: (w, c) => post(w, c, `/api/v1/runs/${w.runA.id}/heartbeat`, {}),
  },
  {
    key: "POST /api/v1/runs/[runId]/metrics",
    expected: keyWrite("200"),
    call: (w, c) => post(w, c, `/api/v1/runs/${w.runA.id}/metrics`, { points: [{ key: `matrix/${c}`, step: 1, value: 0.5 }] }),
  },
  {
    key: "POST /api/v1/runs/[runId]/samples",
    expected: keyWrite("200"),
    call: (w, c) =>
      post(w, c, `/api/v1/runs/${w.runA.id}/samples`, {
        samples: [
          { step: 1, prompt: { externalId: unique("matrix-prompt"), text: "a red cube", subtask: "colors" }, judgments: [{ kind: "self", verdict: 1 }] },
        ],
      }),
  },
  {
    key: "GET /api/v1/runs/[runId]/samples",
    // An importer's read: the project's key only, like the writes it prepares.
    expected: keyWrite("200"),
    call: (w, c) => w.clients[c].request.get(`/api/v1/runs/${w.runA.id}/samples?step=0`).then(fromResponse),
  },
  {
    key: "POST /api/v1/runs/[runId]/judgments",
    // Authorization comes before the lookup: only the project's key learns that the sample is missing.
    expected: keyWrite("422"),
    call: (w, c) =>
      post(w, c, `/api/v1/runs/${w.runA.id}/judgments`, {
        judgments: [{ sample: { step: 999_999, prompt: "no-such-prompt" }, kind: "external", judge: "geneval", verdict: 1 }],
      }),
  },
  {
    key: "POST /api/v1/prompts",
    expected: keyWrite("200", "403"),
    call: (w, c) => post(w, c, "/api/v1/prompts", { project: w.demo.slug, prompts: [{ externalId: unique("matrix-prompt"), text: "two dogs" }] }),
  },
  {
    key: "PUT /api/v1/blobs/[sha256]",
    // Blobs are content-addressed and shared: any valid key may upload bytes.
    expected: byCaller("401", { keyThisProject: "201", keyOtherProject: "201" }),
    call: (w, c) => {
      const bytes = tinyPng();
      const sha = createHash("sha256").update(bytes).digest("hex");
      return w.clients[c].request.put(`/api/v1/blobs/${sha}`, { data: bytes, headers: { "content-type": "application/octet-stream" } }).then(fromResponse);
    },
  },
  {
    key: "HEAD /api/v1/blobs/[sha256]",
    expected: byCaller("404", { anonymous: "401", shareRevoked: "401", shareExpired: "401", keyRevoked: "401" }),
    call: (w, c) => w.clients[c].request.head(`/api/v1/blobs/${"0".repeat(64)}`).then(fromResponse),
  },
  {
    key: "POST /api/v1/blobs/check",
    expected: byCaller("401", { keyThisProject: "200", keyOtherProject: "200" }),
    call: (w, c) => post(w, c, "/api/v1/blobs/check", { sha256: ["0".repeat(64)] }),
    check: (_w, _c, r) => expect((r.json as { missing: string[] }).missing).toEqual(["0".repeat(64)]),
  },
  {
    key: "POST /api/v1/blobs/[sha256]/confirm",
    // Any valid key may confirm a direct upload; this server keeps images locally, so there is none to confirm (409).
    expected: byCaller("401", { keyThisProject: "409", keyOtherProject: "409" }),
    call: (w, c) => post(w, c, `/api/v1/blobs/${"0".repeat(64)}/confirm`, { uploadId: "0".repeat(32), byteSize: 10 }),
  },
  {
    key: "GET /api/v1/openapi.json",
    expected: byCaller("200", { shareRevoked: "401", shareExpired: "401", keyRevoked: "401" }),
    call: (w, c) => w.clients[c].request.get("/api/v1/openapi.json").then(fromResponse),
    check: (_w, _c, r) => expect((r.json as { openapi: string }).openapi).toMatch(/^3\.1/),
  },
  {
    key: "page /docs/api",
    expected: byCaller("200", {}),
    call: (w, c) => w.clients[c].request.get("/docs/api", { maxRedirects: 0 }).then(fromResponse),
  },
];
