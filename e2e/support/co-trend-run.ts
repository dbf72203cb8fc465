// A run that co-degrades or co-improves on demand, through the public API (issue 14 specs): its own
// step 0 is the baseline (40 prompts × 5 images, 3 of 5 pass the external judge, the self judge also
// accepts a 4th: a false positive). Each later checkpoint logs its own images and re-judges step 0:
// "degrade" passes 1 of 5 and flips two correct verdicts (ΔGen < 0, Und 0: co-degradation),
// "improve" passes 5 of 5 and corrects the false positive (co-improvement), "recover" passes 3 of 5
// and corrects it (Gen back at the baseline's: no longer co-degradation).
import { randomBytes } from "node:crypto";

import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";

import { act, signUpAndSignIn, type TAccount } from "./accounts";

const PROMPTS = 40;
const PER_PROMPT = 5;
export type TCheckpointKind = "degrade" | "improve" | "recover";

const prompt = (p: number) => ({
  externalId: `geneval/alert-${p}`,
  text: `a photo of ${p + 2} red benches`,
  benchmark: "geneval",
  subtask: p % 2 ? "color" : "counting",
});
const images = () => Array.from({ length: PROMPTS * PER_PROMPT }, (_, i) => ({ p: Math.floor(i / PER_PROMPT), k: i % PER_PROMPT }));

function ownSamples(step: number, passing: number) {
  return images().map(({ p, k }) => {
    const verdict = k < passing ? 1 : 0;
    return {
      step,
      prompt: prompt(p),
      candidate: k,
      judgments: [
        { kind: "self", verdict },
        { kind: "external", judge: "geneval", verdict },
      ],
    };
  });
}

function rejudgements(step: number, kind: TCheckpointKind) {
  return images().map(({ p, k }) => {
    const external = k < 3 ? 1 : 0;
    const baselineSelf = k < 4 ? 1 : 0;
    const verdict = kind === "degrade" ? (k < 2 ? 0 : baselineSelf) : external;
    return { sample: { step: 0, prompt: prompt(p).externalId, candidate: k }, kind: "self", judgeStep: step, verdict };
  });
}

export type TAlertProject = { owner: TAccount; slug: string; id: string; apiKey: string };

/** A fresh project of a fresh owner, with a project API key: alerts and webhooks of other specs never reach it. */
export async function alertProject(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string): Promise<TAlertProject> {
  const owner = await signUpAndSignIn(playwright, baseURL, "alerts");
  const slug = `alerts-${randomBytes(4).toString("hex")}`;
  await act(owner, "createProjectAction", { name: `Alerts ${slug}`, slug });
  const { projects } = (await (await owner.request.get("/api/v1/projects")).json()) as { projects: { id: string; slug: string }[] };
  const id = projects.find((p) => p.slug === slug)!.id;
  const key = await act<{ secret: string }>(owner, "createApiKeyAction", { projectId: id, name: "alerts key" });
  return { owner, slug, id, apiKey: key.secret };
}

async function ok(response: Awaited<ReturnType<APIRequestContext["post"]>>) {
  if (!response.ok()) throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
  return response.json();
}

/** Creates the run (status running) and logs its baseline checkpoint, step 0. */
export async function startRun(request: APIRequestContext, project: TAlertProject, name: string): Promise<{ id: string; name: string }> {
  const headers = { authorization: `Bearer ${project.apiKey}` };
  const run = (await ok(await request.post("/api/v1/runs", { headers, data: { project: project.slug, name, method: "sft" } }))) as { id: string };
  await ok(await request.post(`/api/v1/runs/${run.id}/samples`, { headers, data: { samples: ownSamples(0, 3).map(withFalsePositive) } }));
  return { id: run.id, name };
}

function withFalsePositive(sample: ReturnType<typeof ownSamples>[number]) {
  const self = sample.candidate < 4 ? 1 : 0;
  return { ...sample, judgments: [{ kind: "self", verdict: self }, sample.judgments[1]!] };
}

/** Logs one checkpoint: its own images, then its verdicts on the baseline's images. */
export async function logCheckpoint(request: APIRequestContext, project: TAlertProject, runId: string, step: number, kind: TCheckpointKind): Promise<void> {
  const headers = { authorization: `Bearer ${project.apiKey}` };
  const passing = kind === "degrade" ? 1 : kind === "improve" ? 5 : 3;
  await ok(await request.post(`/api/v1/runs/${runId}/samples`, { headers, data: { samples: ownSamples(step, passing) } }));
  await ok(await request.post(`/api/v1/runs/${runId}/judgments`, { headers, data: { judgments: rejudgements(step, kind) } }));
}
