import type { z } from "zod";

import { ZRunSummaryQuery } from "@/lib/metrics/summary-query";
import { ZRunSummary } from "@/lib/metrics/summary-types";

import { ZAlertListQuery, ZAlertParams, ZAlertRulesRequest, ZCreateWebhookRequest, ZProjectParams, ZRunAlertParams, ZWebhookParams } from "./contracts/alerts";
import { ZAuditQuery, ZBenchmarkQuery, ZCurriculum, ZFlips, ZRunRef, ZSupervisionAudit } from "./contracts/analysis";
import { ZPaperTableQuery } from "./contracts/paper-table";
import { ZDatasetParams, ZDatasetRecipe, ZExportQuery, ZProjectDatasetParams, ZRunDatasetParams } from "./contracts/datasets";
import { ZBlob, ZBlobParams, ZCheckBlobsRequest, ZCheckBlobsResponse, ZConfirmBlobRequest } from "./contracts/blobs";
import { INGEST_LIMITS, ZOverwriteQuery } from "./contracts/common";
import { ZChangesQuery, ZProjectChanges, ZProjectChangesParams, ZProjectChangesQuery, ZRunChanges } from "./contracts/live";
import { ZLogMetricsRequest, ZLogMetricsResponse } from "./contracts/metrics";
import { ZRegisterPromptsRequest, ZRegisterPromptsResponse } from "./contracts/prompts";
import {
  ZCreateRunRequest,
  ZCreateRunResponse,
  ZHeartbeatResponse,
  ZListRunsQuery,
  ZListRunsResponse,
  ZRun,
  ZRunParams,
  ZUpdateRunRequest,
} from "./contracts/runs";
import {
  ZAddJudgmentsRequest,
  ZAddJudgmentsResponse,
  ZListSamplesQuery,
  ZListSamplesResponse,
  ZLogSamplesRequest,
  ZLogSamplesResponse,
} from "./contracts/samples";
import {
  ZApiKeyParams,
  ZApiKeyProjectParams,
  ZCreateApiKeyRequest,
  ZCreateApiKeyResponse,
  ZListApiKeysResponse,
  ZRevokeApiKeyResponse,
} from "./contracts/api-keys";
import { ZAuditLogParams, ZAuditLogQuery, ZAuditLogResponse } from "./contracts/audit";

// The public API as data: the OpenAPI document and the /docs/api page are both generated from this
// list and the zod contracts the route handlers parse with, so the description cannot drift.

export type TEndpoint = {
  method: "get" | "post" | "put" | "patch" | "delete" | "head";
  path: string;
  summary: string;
  description: string;
  /** "any": an API key, a signed-in session or a share link (`Bearer ugs_…`) whose scope holds the run. */
  auth: "apiKey" | "apiKeyOrSession" | "any";
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  rawBody?: string;
  response?: z.ZodType;
  status: number;
  errors: number[];
};

const BATCH_ERRORS = [401, 403, 404, 409, 413, 422, 429];
const READ_ERRORS = [401, 404, 422, 429];

export const ENDPOINTS: readonly TEndpoint[] = [
  {
    method: "post",
    path: "/api/v1/runs",
    summary: "Create a run",
    auth: "apiKey",
    body: ZCreateRunRequest,
    response: ZCreateRunResponse,
    status: 201,
    errors: [401, 403, 422, 429],
    description:
      "Creates a run in the API key's project. With an `externalId` that exists already, returns that run with `created: false` (status 200): clients can call this on every (re)start.",
  },
  {
    method: "get",
    path: "/api/v1/runs",
    summary: "List runs",
    auth: "apiKeyOrSession",
    query: ZListRunsQuery,
    response: ZListRunsResponse,
    status: 200,
    errors: [401, 404, 422],
    description: "The project's runs, newest first, filtered by exact name, method, tag or status. Pass `nextCursor` back as `cursor` for the next page.",
  },
  {
    method: "get",
    path: "/api/v1/runs/{runId}",
    summary: "Get a run",
    auth: "apiKeyOrSession",
    params: ZRunParams,
    response: ZRun,
    status: 200,
    errors: [401, 404],
    description: "One run. A run of another project answers 404, like a missing one.",
  },
  {
    method: "patch",
    path: "/api/v1/runs/{runId}",
    summary: "Update a run",
    auth: "apiKey",
    params: ZRunParams,
    body: ZUpdateRunRequest,
    response: ZRun,
    status: 200,
    errors: [401, 404, 422, 429],
    description: "Sets status (`running`, `finished`, `failed`), notes or tags. Finishing or failing stamps `finishedAt`.",
  },
  {
    method: "post",
    path: "/api/v1/runs/{runId}/heartbeat",
    summary: "Heartbeat",
    auth: "apiKey",
    params: ZRunParams,
    response: ZHeartbeatResponse,
    status: 200,
    errors: [401, 404, 429],
    description: "Tells the dashboard the run is alive.",
  },
  {
    method: "post",
    path: "/api/v1/runs/{runId}/metrics",
    summary: "Log metric points",
    auth: "apiKey",
    params: ZRunParams,
    query: ZOverwriteQuery,
    body: ZLogMetricsRequest,
    response: ZLogMetricsResponse,
    status: 200,
    errors: BATCH_ERRORS,
    description: `Up to ${INGEST_LIMITS.metricPoints.toLocaleString("en")} points or 5 MB per batch. Natural key: (run, key, step). Values are JSON numbers or the strings "NaN", "Infinity", "-Infinity". Atomic: a rejected batch writes nothing. Re-sending a point is counted \`unchanged\`; a different value is a 409 listing each conflict unless \`overwrite\`.`,
  },
  {
    method: "post",
    path: "/api/v1/prompts",
    summary: "Register prompts",
    auth: "apiKey",
    query: ZOverwriteQuery,
    body: ZRegisterPromptsRequest,
    response: ZRegisterPromptsResponse,
    status: 200,
    errors: BATCH_ERRORS,
    description: `Up to ${INGEST_LIMITS.prompts.toLocaleString("en")} prompts of the key's project, by \`externalId\`. Same idempotency rules as every batch.`,
  },
  {
    method: "put",
    path: "/api/v1/blobs/{sha256}",
    summary: "Upload an image",
    auth: "apiKey",
    params: ZBlobParams,
    rawBody: "image/png, image/jpeg or image/webp bytes",
    response: ZBlob,
    status: 201,
    errors: [401, 403, 413, 415, 422, 429, 503, 507],
    description:
      "The raw image bytes, content-addressed: the server checks the sha256, accepts PNG, JPEG and WebP by their magic bytes (not the header), at most 20 MB and 40 megapixels, and stores each image once (200 with `created: false` when it had it).",
  },
  {
    method: "head",
    path: "/api/v1/blobs/{sha256}",
    summary: "Is an image stored?",
    auth: "apiKeyOrSession",
    params: ZBlobParams,
    status: 200,
    errors: [401, 404],
    description: "200 when the image is stored, 404 when it still needs uploading.",
  },
  {
    method: "post",
    path: "/api/v1/blobs/check",
    summary: "Which images are missing?",
    auth: "apiKey",
    body: ZCheckBlobsRequest,
    response: ZCheckBlobsResponse,
    status: 200,
    errors: [401, 403, 422, 429],
    description: `Up to ${INGEST_LIMITS.blobCheck.toLocaleString("en")} hashes; answers the ones still to upload. With object storage (UNIGAP_S3_BUCKET) also \`uploads\`: one presigned PUT URL per missing image (valid 15 minutes, no Authorization header) to send the bytes straight to the bucket, then confirm.`,
  },
  {
    method: "post",
    path: "/api/v1/blobs/{sha256}/confirm",
    summary: "Confirm a direct upload",
    auth: "apiKey",
    params: ZBlobParams,
    body: ZConfirmBlobRequest,
    response: ZBlob,
    status: 201,
    errors: [401, 403, 409, 413, 415, 422, 429],
    description:
      "After PUTting the bytes to the presigned URL of the blob check: the server reads the object once and checks it as an upload through the app (declared size, sha256, PNG/JPEG/WebP by magic bytes, 40 megapixels, a complete PNG) before the image is recorded; an object that fails is deleted and the error says why. 200 with `created: false` when the image was stored already.",
  },
  {
    method: "post",
    path: "/api/v1/runs/{runId}/samples",
    summary: "Log samples with judgments",
    auth: "apiKey",
    params: ZRunParams,
    query: ZOverwriteQuery,
    body: ZLogSamplesRequest,
    response: ZLogSamplesResponse,
    status: 200,
    errors: BATCH_ERRORS,
    description: `Up to ${INGEST_LIMITS.samples.toLocaleString("en")} samples per batch, each with its judgments. Natural keys: a sample by (run, step, prompt, candidate), a judgment by (sample, kind, judge, judgeStep). The prompt is a registered externalId or inline. Self judgments default to judge "self" at the sample's step; \`judgeRunId\` records a judgment by another run's checkpoint (judge "self:<runId>"). Images must be uploaded first.`,
  },
  {
    method: "get",
    path: "/api/v1/runs/{runId}/samples",
    summary: "List a run's samples at a step",
    auth: "apiKey",
    params: ZRunParams,
    query: ZListSamplesQuery,
    response: ZListSamplesResponse,
    status: 200,
    errors: READ_ERRORS,
    description: `Up to ${INGEST_LIMITS.listSamples.toLocaleString("en")} samples of one step per page, in id order, each with its prompt's externalId, candidate and \`sourcePath\` (the image's path as the evaluator wrote it). Pass \`nextCursor\` back as \`cursor\`. Importers join judgment and score files to these.`,
  },
  {
    method: "post",
    path: "/api/v1/runs/{runId}/judgments",
    summary: "Add judgments to logged samples",
    auth: "apiKey",
    params: ZRunParams,
    query: ZOverwriteQuery,
    body: ZAddJudgmentsRequest,
    response: ZAddJudgmentsResponse,
    status: 200,
    errors: BATCH_ERRORS,
    description: `Up to ${INGEST_LIMITS.judgments.toLocaleString("en")} judgments on samples logged earlier, each naming its sample by \`{ id }\` or \`{ step, prompt, candidate }\`. External judges often run after training.`,
  },
  {
    method: "get",
    path: "/api/v1/runs/{runId}/summary",
    summary: "Run summary: Gen, Und, Non",
    auth: "any",
    params: ZRunRef,
    query: ZRunSummaryQuery,
    response: ZRunSummary,
    status: 200,
    errors: READ_ERRORS,
    description:
      "The paper's metrics per checkpoint and subtask over the evaluation images, with n and 95% intervals, the unweighted Overall, and the co-improvement / co-degradation class against the baseline. Each benchmark is scored by its own external judge (`externalJudges`; `externalJudge` is that judge when there is only one, else null). A parameter naming something that is not there is a 422 naming it.",
  },
  {
    method: "get",
    path: "/api/v1/runs/{runId}/audit",
    summary: "Supervision audit",
    auth: "any",
    params: ZRunRef,
    query: ZAuditQuery,
    response: ZSupervisionAudit,
    status: 200,
    errors: READ_ERRORS,
    description:
      "The data-quality check of training data built from self verdicts: the share of SFT-chosen images an independent judge (each benchmark's external judge, or `judge=human`) calls aligned, and for DPO pairs how often it prefers the chosen image — with Wilson intervals, n and a risk flag below `threshold`.",
  },
  {
    method: "get",
    path: "/api/v1/runs/{runId}/curriculum",
    summary: "Curriculum rounds",
    auth: "any",
    params: ZRunRef,
    query: ZBenchmarkQuery,
    response: ZCurriculum,
    status: 200,
    errors: READ_ERRORS,
    description:
      "Over each round's training candidates: the pass rate |C|/N per prompt, the discard pool (prompts no candidate passed) and the prompts admitted from it at each replay round.",
  },
  {
    method: "get",
    path: "/api/v1/runs/{runId}/flips",
    summary: "Verdict flips",
    auth: "any",
    params: ZRunRef,
    query: ZBenchmarkQuery,
    response: ZFlips,
    status: 200,
    errors: READ_ERRORS,
    description: "Prompts whose self verdict (the majority over their evaluation images at a checkpoint) changed between checkpoints, with each change.",
  },
  {
    method: "get",
    path: "/api/v1/paper-table",
    summary: "The paper's table",
    auth: "any",
    query: ZPaperTableQuery,
    status: 200,
    errors: READ_ERRORS,
    description:
      "Runs as rows (the first is the baseline), the benchmark's subtasks and Overall as columns, each cell Gen / Und / Non in percent with two decimals: Overall is the unweighted mean of the subtasks, the baseline's Und is 50.00 by definition, † marks a rate on fewer than 30 images and an Und on fewer than 10 disagreements. `format=json` gives the table model (every cell's value as a fraction, n, 95% interval, mark), `csv` one line per run × subtask × measure, `latex` a standalone booktabs document. Every run must be readable by the caller (else 404); runs of one project, at most 12.",
  },
  // ---- datasets (issue 13) ----
  {
    method: "post",
    path: "/api/v1/runs/{runId}/datasets/preview",
    summary: "Preview a training dataset",
    auth: "any",
    params: ZRunDatasetParams,
    body: ZDatasetRecipe,
    status: 200,
    errors: [401, 403, 404, 422, 429],
    description:
      "Applies a recipe to a construction round without storing anything: counts per subtask (prompts, candidates, accepted, items, pool), the pass-rate histogram and the gate (precision of the chosen images against the external judge and the annotators, DPO pair agreement, coverage; n and Wilson 95% intervals) with `risk: { atRisk, reasons }`. `{ kind, step }` alone applies the paper's defaults. Share links cannot preview.",
  },
  {
    method: "post",
    path: "/api/v1/runs/{runId}/datasets",
    summary: "Build a training dataset",
    auth: "any",
    params: ZRunDatasetParams,
    body: ZDatasetRecipe,
    status: 201,
    errors: [401, 403, 404, 422, 429],
    description:
      "Builds an immutable SFT or DPO dataset (editors and admin API keys; an ingest or read key is a 403). The same recipe on the same data is the same dataset (200, `created: false`). An at-risk set needs `acknowledgeRisk: true`, which is recorded; a recipe that selects nothing is refused; `previousDatasetId` builds the next curriculum round from its pool.",
  },
  {
    method: "get",
    path: "/api/v1/datasets/{datasetId}",
    summary: "Get a dataset",
    auth: "apiKeyOrSession",
    params: ZDatasetParams,
    status: 200,
    errors: [401, 404],
    description: "The recipe as given and resolved, counts, gate, risk and acknowledgement, curriculum ledger and content hash.",
  },
  {
    method: "get",
    path: "/api/v1/datasets/{datasetId}/pool",
    summary: "A dataset's discard pool",
    auth: "apiKeyOrSession",
    params: ZDatasetParams,
    status: 200,
    errors: [401, 404],
    description:
      "The prompts none of whose candidates was accepted (id, externalId, text, benchmark, subtask, spec): what training code re-samples for the next round.",
  },
  {
    method: "get",
    path: "/api/v1/datasets/{datasetId}/export",
    summary: "Export a dataset for the trainer",
    auth: "apiKeyOrSession",
    params: ZDatasetParams,
    query: ZExportQuery,
    status: 200,
    errors: [401, 404, 409, 422],
    description:
      "A streamed `.tar` (`format=tar.gz` for gzip): `images/<sha256>.<ext>` once each, `sft.jsonl` + `metadata.jsonl` (Hugging Face imagefolder) or `dpo.jsonl` (diffusers Diffusion-DPO: `caption`, `jpg_0`, `jpg_1`, `label_0`), `README.md` (dataset card) and `manifest.json` (recipe, source, gate, risk, SHA-256 of every file). At-risk sets need `acknowledgeRisk=true`; a missing image is a 409, never a short archive.",
  },
  {
    method: "get",
    path: "/api/v1/projects/{slug}/datasets",
    summary: "List a project's datasets",
    auth: "apiKeyOrSession",
    params: ZProjectDatasetParams,
    status: 200,
    errors: [401, 404],
    description: "Every dataset of the project, newest first, with counts, gate and risk.",
  },
  {
    method: "get",
    path: "/api/v1/runs/{runId}/changes",
    summary: "Changes of a run since a version",
    auth: "any",
    params: ZRunParams,
    query: ZChangesQuery,
    response: ZRunChanges,
    status: 200,
    errors: READ_ERRORS,
    description:
      "A cheap poll for live pages: `version` advances whenever a batch of samples, judgments or metric points is ingested into the run, its cached figures are refreshed or its status changes; `changed` is false when `since` equals it. With `lastDataAt`, `heartbeatAt` and `stalled` (running, and neither data nor a heartbeat for `stalledAfterMinutes`). Versions are opaque tokens.",
  },
  {
    method: "get",
    path: "/api/v1/projects/{slug}/changes",
    summary: "Changes of a project's runs since a version",
    auth: "apiKeyOrSession",
    params: ZProjectChangesParams,
    query: ZProjectChangesQuery,
    response: ZProjectChanges,
    status: 200,
    errors: READ_ERRORS,
    description:
      "Whether any run of the project (or of `runs`, comma-separated ids) was created, changed or received data since `since`. Versions are opaque tokens.",
  },
  // ---- alerts and webhooks (issue 14) ----
  {
    method: "get",
    path: "/api/v1/runs/{runId}/alerts",
    summary: "A run's alerts",
    auth: "any",
    params: ZRunAlertParams,
    query: ZAlertListQuery.pick({ status: true }),
    status: 200,
    errors: [401, 404, 422],
    description:
      "Alerts opened on the run after ingestion settled: `signature` (`co_degradation`, `data_quality`, `rule:<kind>`), the checkpoint `step`, `figures` (Gen, Und, Non, ΔGen, ΔNon with value, n and 95% interval, per subtask too) and `reasons`; `status` open, acknowledged or resolved (with `resolvedStep`).",
  },
  {
    method: "get",
    path: "/api/v1/projects/{slug}/alerts",
    summary: "A project's alerts",
    auth: "apiKeyOrSession",
    params: ZProjectParams,
    query: ZAlertListQuery,
    status: 200,
    errors: [401, 404, 422],
    description: "Newest first; `status` (open includes acknowledged ones not yet resolved) and `run` filter, `limit` up to 500.",
  },
  {
    method: "post",
    path: "/api/v1/alerts/{alertId}/acknowledge",
    summary: "Acknowledge an alert",
    auth: "apiKeyOrSession",
    params: ZAlertParams,
    status: 200,
    errors: [401, 403, 404],
    description:
      "Records who acknowledged the alert and when (editors, owners, the project's key); the first acknowledgement stands, a repeat changes nothing.",
  },
  {
    method: "get",
    path: "/api/v1/projects/{slug}/alert-rules",
    summary: "A project's alert rules",
    auth: "apiKeyOrSession",
    params: ZProjectParams,
    status: 200,
    errors: [401, 404],
    description: "The project's rules: `gen_below_baseline` (points), `und_below_half`, `subtask_non_above` (percent), `stalled` (minutes).",
  },
  {
    method: "put",
    path: "/api/v1/projects/{slug}/alert-rules",
    summary: "Replace a project's alert rules",
    auth: "apiKeyOrSession",
    params: ZProjectParams,
    body: ZAlertRulesRequest,
    status: 200,
    errors: [401, 403, 404, 422],
    description:
      "Owners, editors and the project's key. Each rule fires only when the whole 95% interval clears its threshold: ΔGen's upper bound below −points, Und's upper bound below 50%, a subtask's Non lower bound above percent; `stalled` when a running run sends nothing for `threshold` minutes. A threshold out of range is a 422.",
  },
  {
    method: "post",
    path: "/api/v1/projects/{slug}/webhooks",
    summary: "Add a webhook",
    auth: "apiKeyOrSession",
    params: ZProjectParams,
    body: ZCreateWebhookRequest,
    status: 201,
    errors: [401, 403, 404, 422],
    description:
      "Owners and the project's admin keys (an ingest or read key is a 403 naming the scope). Answers `{ id, secret }`: the secret is shown once. Every delivery is a POST of JSON (or `{ text }` with `format: slack`) signed `X-Unigap-Signature: sha256=<hex HMAC-SHA256 of the body>` with `X-Unigap-Timestamp`; retried with exponential backoff for a bounded time. URLs that are not http(s), longer than 2000 characters, carry credentials or resolve to private, loopback or link-local addresses are a 422 (unless the server runs with UNIGAP_WEBHOOK_ALLOW_PRIVATE=1).",
  },
  {
    method: "get",
    path: "/api/v1/projects/{slug}/webhooks",
    summary: "List webhooks",
    auth: "apiKeyOrSession",
    params: ZProjectParams,
    status: 200,
    errors: [401, 403, 404],
    description:
      "URL, events, format and the latest deliveries of each webhook, each with its last attempt (`lastAttempt`: status code, latency, error); never the secret. Owners and admin keys.",
  },
  {
    method: "delete",
    path: "/api/v1/projects/{slug}/webhooks/{webhookId}",
    summary: "Delete a webhook",
    auth: "apiKeyOrSession",
    params: ZWebhookParams,
    status: 200,
    errors: [401, 403, 404],
    description: "Stops deliveries to it; its delivery log goes with it. Owners and admin keys.",
  },
  {
    method: "get",
    path: "/api/v1/projects/{slug}/webhooks/{webhookId}/deliveries",
    summary: "A webhook's delivery log",
    auth: "apiKeyOrSession",
    params: ZWebhookParams,
    status: 200,
    errors: [401, 403, 404],
    description:
      "The latest 100 deliveries with every attempt: HTTP status (null when none came back), latency, error and when the next attempt is due; `status` pending, delivered or failing.",
  },
  // ---- API keys (issue 17) ----
  {
    method: "get",
    path: "/api/v1/projects/{slug}/api-keys",
    summary: "List API keys",
    auth: "apiKeyOrSession",
    params: ZApiKeyProjectParams,
    response: ZListApiKeysResponse,
    status: 200,
    errors: [401, 403, 404, 429],
    description:
      "The project's keys, newest first: name, display prefix, scope, when made, last used and revoked; never a secret. Owners and the project's admin keys; editors, viewers and ingest or read keys get a 403 naming what is missing.",
  },
  {
    method: "post",
    path: "/api/v1/projects/{slug}/api-keys",
    summary: "Create an API key",
    auth: "apiKeyOrSession",
    params: ZApiKeyProjectParams,
    body: ZCreateApiKeyRequest,
    response: ZCreateApiKeyResponse,
    status: 201,
    errors: [401, 403, 404, 422, 429],
    description:
      "Owners and admin keys. `scope` is ingest (a training job: write runs and their data, read the project), read (scripts and notebooks: every read) or admin (also datasets, webhooks and keys). The secret is in this response only.",
  },
  {
    method: "delete",
    path: "/api/v1/projects/{slug}/api-keys/{keyId}",
    summary: "Revoke an API key",
    auth: "apiKeyOrSession",
    params: ZApiKeyParams,
    response: ZRevokeApiKeyResponse,
    status: 200,
    errors: [401, 403, 404, 429],
    description: "Owners and admin keys. The key is refused (401) from its very next request; a key already revoked is a 404.",
  },
  // ---- audit log (issue 17) ----
  {
    method: "get",
    path: "/api/v1/projects/{slug}/audit",
    summary: "The project's audit log",
    auth: "apiKeyOrSession",
    params: ZAuditLogParams,
    query: ZAuditLogQuery,
    response: ZAuditLogResponse,
    status: 200,
    errors: [401, 403, 404, 422, 429],
    description:
      "Owners and admin keys. Membership and role changes, invitations, API keys created and revoked, share links created, opened for the first time and revoked, and project deletion: who (a person's e-mail or a key's prefix and name), what, when and from where (client address, user agent), newest first, 50 a page (`before` = the previous page's `nextBefore`). Each entry is written in the transaction of its change; none holds a token or secret.",
  },
];
