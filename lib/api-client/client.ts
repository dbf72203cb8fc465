import { createHash } from "node:crypto";

import type { z } from "zod";

import { INGEST_LIMITS, type TBatchCounts } from "../api/contracts/common";
import type { ZCheckBlobsResponse, ZDirectUpload } from "../api/contracts/blobs";
import type { TLogMetricsInput } from "../api/contracts/metrics";
import type { TRegisterPromptsRequest } from "../api/contracts/prompts";
import type { TRun, ZCreateRunRequest, ZUpdateRunRequest } from "../api/contracts/runs";
import type { TListedSample, ZAddJudgmentsRequest, ZLogSamplesRequest } from "../api/contracts/samples";

import { createHttp, type THttpOptions } from "./http";

// The TypeScript client of the ingest API. Batches are split to the server's limits here, so
// callers hand over any number of points or samples; each chunk is atomic and idempotent on its own.

type TSamplesResult = { samples: TBatchCounts; judgments: TBatchCounts; prompts: TBatchCounts; sampleIds: string[] };
export type TSampleIn = z.input<typeof ZLogSamplesRequest>["samples"][number];
export type TJudgmentLater = z.input<typeof ZAddJudgmentsRequest>["judgments"][number];

function addCounts(a: TBatchCounts, b: TBatchCounts): TBatchCounts {
  return { inserted: a.inserted + b.inserted, unchanged: a.unchanged + b.unchanged, updated: a.updated + b.updated };
}
const ZERO: TBatchCounts = { inserted: 0, unchanged: 0, updated: 0 };

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export type TProgress = (done: number) => void;

export function createUnigapClient(options: THttpOptions) {
  const http = createHttp(options);
  const q = (overwrite?: boolean) => (overwrite ? "?overwrite=true" : "");
  return {
    async createRun(input: z.input<typeof ZCreateRunRequest>) {
      return (await http.request<TRun & { created: boolean }>("POST", "/api/v1/runs", input)).body;
    },
    async listRuns(filter: { project?: string; name?: string; method?: string; tag?: string } = {}) {
      const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
      return (await http.request<{ runs: TRun[]; nextCursor: string | null }>("GET", `/api/v1/runs?${params}`)).body;
    },
    async getRun(runId: string) {
      return (await http.request<TRun>("GET", `/api/v1/runs/${runId}`)).body;
    },
    async updateRun(runId: string, input: z.input<typeof ZUpdateRunRequest>) {
      return (await http.request<TRun>("PATCH", `/api/v1/runs/${runId}`, input)).body;
    },
    async heartbeat(runId: string) {
      await http.request("POST", `/api/v1/runs/${runId}/heartbeat`);
    },
    async logMetrics(runId: string, points: TLogMetricsInput["points"], opts: { overwrite?: boolean; onProgress?: TProgress } = {}) {
      let total = ZERO;
      for (const part of chunk(points, INGEST_LIMITS.metricPoints)) {
        total = addCounts(total, (await http.request<TBatchCounts>("POST", `/api/v1/runs/${runId}/metrics${q(opts.overwrite)}`, { points: part })).body);
        opts.onProgress?.(part.length);
      }
      return total;
    },
    async registerPrompts(prompts: TRegisterPromptsRequest["prompts"], opts: { project?: string; overwrite?: boolean } = {}) {
      let total = ZERO;
      for (const part of chunk(prompts, INGEST_LIMITS.prompts)) {
        total = addCounts(
          total,
          (await http.request<TBatchCounts>("POST", `/api/v1/prompts${q(opts.overwrite)}`, { prompts: part, project: opts.project })).body,
        );
      }
      return total;
    },
    /** Which of these hashes the server does not have yet. */
    async missingBlobs(hashes: readonly string[]) {
      const missing: string[] = [];
      for (const part of chunk([...new Set(hashes)], INGEST_LIMITS.blobCheck)) {
        missing.push(...(await http.request<{ missing: string[] }>("POST", "/api/v1/blobs/check", { sha256: part })).body.missing);
      }
      return missing;
    },
    /**
     * Which of these images the server lacks (at most INGEST_LIMITS.blobCheck per call). With object
     * storage the answer also holds a presigned PUT for each missing one (`uploads`): send those with directUpload.
     */
    async checkBlobs(hashes: readonly string[]) {
      return (await http.request<z.infer<typeof ZCheckBlobsResponse>>("POST", "/api/v1/blobs/check", { sha256: [...new Set(hashes)] })).body;
    },
    /** Direct upload: the bytes go to the bucket, never through the app; then the server verifies and records them. True when stored now. */
    async directUpload(upload: z.infer<typeof ZDirectUpload>, bytes: Uint8Array) {
      await http.putPresigned(upload.url, bytes);
      const confirm = { uploadId: upload.uploadId, byteSize: bytes.byteLength };
      return (await http.request<{ created: boolean }>("POST", `/api/v1/blobs/${upload.sha256}/confirm`, confirm)).body.created;
    },
    /** Uploads image bytes (content-addressed); true when the server did not have them. */
    async uploadBlob(bytes: Uint8Array, sha256 = sha256Hex(bytes)) {
      return (await http.request<{ created: boolean }>("PUT", `/api/v1/blobs/${sha256}`, undefined, bytes)).body.created;
    },
    async logSamples(runId: string, samples: readonly TSampleIn[], opts: { overwrite?: boolean; onProgress?: TProgress } = {}) {
      let result: TSamplesResult = { samples: ZERO, judgments: ZERO, prompts: ZERO, sampleIds: [] };
      for (const part of chunk(samples, INGEST_LIMITS.samples)) {
        const r = (await http.request<TSamplesResult>("POST", `/api/v1/runs/${runId}/samples${q(opts.overwrite)}`, { samples: part })).body;
        result = {
          samples: addCounts(result.samples, r.samples),
          judgments: addCounts(result.judgments, r.judgments),
          prompts: addCounts(result.prompts, r.prompts),
          sampleIds: [...result.sampleIds, ...r.sampleIds],
        };
        opts.onProgress?.(part.length);
      }
      return result;
    },
    /** Every sample of a run at a step (all pages). */
    async listSamples(runId: string, step: number) {
      const all: TListedSample[] = [];
      let cursor: string | null = null;
      do {
        const page: { samples: TListedSample[]; nextCursor: string | null } = (
          await http.request<{ samples: TListedSample[]; nextCursor: string | null }>(
            "GET",
            `/api/v1/runs/${runId}/samples?step=${step}${cursor ? `&cursor=${cursor}` : ""}`,
          )
        ).body;
        all.push(...page.samples);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
    async addJudgments(runId: string, judgments: readonly TJudgmentLater[], opts: { overwrite?: boolean } = {}) {
      let total = ZERO;
      for (const part of chunk(judgments, INGEST_LIMITS.judgments)) {
        total = addCounts(total, (await http.request<TBatchCounts>("POST", `/api/v1/runs/${runId}/judgments${q(opts.overwrite)}`, { judgments: part })).body);
      }
      return total;
    },
  };
}

export type TUnigapClient = ReturnType<typeof createUnigapClient>;
