import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { createHttp, UnigapApiError } from "../lib/api-client/http";

import type { TGlobalOptions } from "./context";

// `unigap dataset preview|build|pull`: the dataset builder from a terminal (lib/api/contracts/datasets.ts).

export type TDatasetOptions = {
  kind: string;
  step: string;
  judge?: string;
  maxPerPrompt?: string;
  minProb?: string;
  pairing?: string;
  minMargin?: string;
  previous?: string;
  acknowledgeRisk?: boolean;
  name?: string;
};

function connection(options: TGlobalOptions) {
  const url = (options.url ?? process.env.UNIGAP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  const apiKey = options.apiKey ?? process.env.UNIGAP_API_KEY;
  if (!apiKey) throw new Error("No API key: set UNIGAP_API_KEY or pass --api-key.");
  return { url, apiKey };
}

function recipeOf(o: TDatasetOptions): Record<string, unknown> {
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  const body: Record<string, unknown> = {
    kind: o.kind,
    step: Number(o.step),
    judge: o.judge,
    name: o.name,
    maxPerPrompt: num(o.maxPerPrompt),
    minProb: num(o.minProb),
    pairing: o.pairing,
    minMargin: num(o.minMargin),
    previousDatasetId: o.previous,
    acknowledgeRisk: o.acknowledgeRisk || undefined,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

type TGateAnswer = { id?: string; counts: { overall: Record<string, number> }; risk: { atRisk: boolean; reasons: string[] } };

export async function datasetPreviewOrBuild(global: TGlobalOptions, runId: string, options: TDatasetOptions, build: boolean): Promise<void> {
  const http = createHttp(connection(global));
  const { body } = await http.request<TGateAnswer>("POST", `/api/v1/runs/${encodeURIComponent(runId)}/datasets${build ? "" : "/preview"}`, recipeOf(options));
  if (global.json) {
    process.stdout.write(`${JSON.stringify(body)}\n`);
    return;
  }
  const c = (body.counts as { overall?: Record<string, number> }).overall ?? {};
  process.stdout.write(
    `${build ? `dataset ${body.id}: ` : ""}${c.prompts} prompts, ${c.candidates} candidates, ${c.accepted} accepted, ${c.items} items, ${c.pool} in the pool\n`,
  );
  process.stdout.write(body.risk.atRisk ? `AT RISK: ${body.risk.reasons.join(" ")}\n` : "gate: not at risk\n");
}

/** A streamed download cannot go through the JSON client: it waits out 429 and 503 here the same way (Retry-After, else 1 s), 5 attempts. */
async function fetchHonouringRetryAfter(target: string, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(target, init);
    if ((response.status !== 429 && response.status !== 503) || attempt >= 5) return response;
    const seconds = Number(response.headers.get("retry-after") ?? NaN);
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) ? seconds : 1) * 1000));
  }
}

/** Streams the export to <dir>.tar, then unpacks it with the system's tar. */
export async function datasetPull(global: TGlobalOptions, datasetId: string, dir: string, options: { acknowledgeRisk?: boolean }): Promise<void> {
  const { url, apiKey } = connection(global);
  const response = await fetchHonouringRetryAfter(
    `${url}/api/v1/datasets/${encodeURIComponent(datasetId)}/export${options.acknowledgeRisk ? "?acknowledgeRisk=true" : ""}`,
    {
      headers: { authorization: `Bearer ${apiKey}` },
    },
  );
  if (!response.ok || !response.body) {
    const error = ((await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } }).error;
    throw new UnigapApiError(response.status, error?.code ?? "HTTP_ERROR", error?.message ?? `export failed with ${response.status}`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const archive = `${path.resolve(dir)}.tar`;
  await pipeline(Readable.fromWeb(response.body as never), fs.createWriteStream(archive));
  execFileSync("tar", ["-xf", archive, "-C", dir]);
  fs.rmSync(archive);
  process.stdout.write(`${path.join(dir, "manifest.json")}\n`);
}
