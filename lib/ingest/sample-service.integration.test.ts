import { createHash } from "node:crypto";

import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { ZAddJudgmentsRequest, ZLogSamplesRequest } from "@/lib/api/contracts/samples";
import type { TActor } from "@/lib/auth/actor";
import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { storeBlob } from "@/lib/storage/blob-store";
import { createTestApiKey, createTestProject, createTestRun } from "@/prisma/factories";

import { flushRunStatRefreshes } from "./after-ingest";
import { addJudgments } from "./judgment-service";
import { logSamples } from "./sample-service";

const db = setupTestDatabase();

async function setup() {
  const project = await createTestProject();
  const key = await createTestApiKey(project.id);
  const run = await createTestRun(project.id);
  const actor: TActor = { kind: "apiKey", keyId: key.id, projectId: project.id, scope: "admin" };
  return { project, actor, runId: run.id };
}

const log = (actor: TActor, runId: string, input: unknown, overwrite = false) => logSamples(actor, runId, ZLogSamplesRequest.parse(input), overwrite);

async function counts(runId: string) {
  const [row] = await db.current.sql.query<{ samples: number; judgments: number; prompts: number; checkpoints: number }>(
    `SELECT (SELECT count(*)::int FROM samples WHERE run_id = $1) AS samples, (SELECT count(*)::int FROM judgments WHERE run_id = $1) AS judgments,
       (SELECT count(*)::int FROM prompts p JOIN runs r ON r.project_id = p.project_id WHERE r.id = $1) AS prompts,
       (SELECT count(*)::int FROM checkpoints WHERE run_id = $1) AS checkpoints`,
    [runId],
  );
  return row!;
}

const inlinePrompt = {
  externalId: "geneval/00001",
  text: "a photo of a red bench",
  benchmark: "geneval",
  subtask: "color_attr",
  spec: { include: [{ class: "bench", color: "red" }] },
};

describe("logging samples with judgments", () => {
  it("registers inline prompts, copies subtask and benchmark, applies the self-judge defaults and records the checkpoint", async () => {
    const { actor, runId } = await setup();
    const result = await log(actor, runId, {
      samples: [
        {
          step: 100,
          prompt: inlinePrompt,
          candidate: 0,
          judgments: [
            { kind: "self", verdict: 0, response: "The score is 0." },
            { kind: "external", judge: "geneval", verdict: 1 },
          ],
        },
        { step: 100, prompt: "geneval/00001", candidate: 1, role: "sft_chosen", judgments: [{ kind: "self", verdict: 1, prob: 0.9 }] },
      ],
    });
    expect(result).toMatchObject({ samples: { inserted: 2, unchanged: 0 }, judgments: { inserted: 3 }, prompts: { inserted: 1 } });
    expect(result.sampleIds).toHaveLength(2);
    const rows = await db.current.sql.query(
      `SELECT s.candidate, s.subtask, s.benchmark, s.role::text AS role, j.kind::text AS kind, j.judge, j.judge_step, j.verdict::int AS verdict
       FROM samples s JOIN judgments j ON j.sample_id = s.id WHERE s.run_id = $1 ORDER BY s.candidate, j.kind`,
      [runId],
    );
    expect(rows).toEqual([
      { candidate: 0, subtask: "color_attr", benchmark: "geneval", role: "eval", kind: "self", judge: "self", judge_step: 100, verdict: 0 },
      { candidate: 0, subtask: "color_attr", benchmark: "geneval", role: "eval", kind: "external", judge: "geneval", judge_step: -1, verdict: 1 },
      { candidate: 1, subtask: "color_attr", benchmark: "geneval", role: "sft_chosen", kind: "self", judge: "self", judge_step: 100, verdict: 1 },
    ]);
    expect(await counts(runId)).toMatchObject({ samples: 2, judgments: 3, checkpoints: 1 });
  });

  it("is idempotent, and a conflicting re-send changes nothing unless it overwrites", async () => {
    const { actor, runId } = await setup();
    const batch = { samples: [{ step: 5, prompt: inlinePrompt, judgments: [{ kind: "self" as const, verdict: 1 as const }] }] };
    const first = await log(actor, runId, batch);
    const again = await log(actor, runId, batch);
    expect(again).toEqual({
      samples: { inserted: 0, unchanged: 1, updated: 0 },
      judgments: { inserted: 0, unchanged: 1, updated: 0 },
      prompts: { inserted: 0, unchanged: 1, updated: 0 },
      sampleIds: first.sampleIds,
    });
    const before = await counts(runId);

    const changed = {
      samples: [
        { step: 6, prompt: "geneval/00001", judgments: [] },
        { step: 5, prompt: { ...inlinePrompt, text: "a photo of a blue bench" }, role: "discarded", judgments: [{ kind: "self", verdict: 0 }] },
      ],
    };
    await expect(log(actor, runId, changed)).rejects.toMatchObject({
      code: "CONFLICT",
      details: {
        total: 3,
        conflicts: [
          { index: 1, path: "samples.1.prompt.text", field: "text", stored: "a photo of a red bench", sent: "a photo of a blue bench" },
          { index: 1, path: "samples.1.role", field: "role", stored: "eval", sent: "discarded" },
          { index: 1, path: "samples.1.judgments.0.verdict", field: "verdict", stored: 1, sent: 0 },
        ],
      },
    });
    expect(await counts(runId)).toEqual(before);

    const overwritten = await log(actor, runId, changed, true);
    expect(overwritten).toMatchObject({ samples: { inserted: 1, updated: 1 }, judgments: { updated: 1 }, prompts: { updated: 1 } });
    const [row] = await db.current.sql.query<{ role: string; verdict: number }>(
      `SELECT s.role::text AS role, j.verdict::int AS verdict FROM samples s JOIN judgments j ON j.sample_id = s.id WHERE s.run_id = $1 AND s.step = 5`,
      [runId],
    );
    expect(row).toEqual({ role: "discarded", verdict: 0 });
  });

  it("keeps the generation prompt and source path of the first import that names them, and fills them in when missing", async () => {
    const { actor, runId } = await setup();
    const sample = (over: Record<string, unknown>) => ({ samples: [{ step: 1, prompt: inlinePrompt, candidate: 2, judgments: [], ...over }] });
    await log(actor, runId, sample({}));
    const filled = await log(
      actor,
      runId,
      sample({ generationPrompt: "a photo of a red bench. A long description.", sourcePath: "/mnt/a/00001/samples/00002.png" }),
    );
    expect(filled.samples).toEqual({ inserted: 0, unchanged: 1, updated: 0 });
    await log(actor, runId, sample({ generationPrompt: "another text", sourcePath: "/elsewhere/00001/samples/00002.png" }));
    const rows = await db.current.sql.query<{ generation_prompt: string; source_path: string }>(
      `SELECT generation_prompt, source_path FROM samples WHERE run_id = $1`,
      [runId],
    );
    expect(rows).toEqual([{ generation_prompt: "a photo of a red bench. A long description.", source_path: "/mnt/a/00001/samples/00002.png" }]);
  });

  it("names the offending index for unknown prompts, missing images and foreign judging runs, writing nothing", async () => {
    const { actor, runId } = await setup();
    const other = await createTestRun((await createTestProject()).id);
    const sha = "a".repeat(64);
    await expect(
      log(actor, runId, {
        samples: [
          { step: 1, prompt: inlinePrompt },
          { step: 1, prompt: "nope" },
        ],
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      details: [{ path: "samples.1.prompt" }],
    });
    await expect(log(actor, runId, { samples: [{ step: 1, prompt: inlinePrompt, imageSha256: sha }] })).rejects.toMatchObject({
      details: [{ path: "samples.0.imageSha256" }],
    });
    await expect(
      log(actor, runId, { samples: [{ step: 1, prompt: inlinePrompt, judgments: [{ kind: "self", judgeRunId: other.id, judgeStep: 3, verdict: 1 }] }] }),
    ).rejects.toMatchObject({ details: [{ path: "samples.0.judgments.0.judgeRunId" }] });
    expect(await counts(runId)).toMatchObject({ samples: 0, judgments: 0, prompts: 0, checkpoints: 0 });
  });

  it("links uploaded images and takes a judgment by another run's checkpoint as self:<runId>", async () => {
    const { actor, runId, project } = await setup();
    const judgeRun = await createTestRun(project.id);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#0f0" } })
      .png()
      .toBuffer();
    const sha = createHash("sha256").update(png).digest("hex");
    await storeBlob(png, sha);
    await log(actor, runId, {
      samples: [{ step: 0, prompt: inlinePrompt, imageSha256: sha, judgments: [{ kind: "self", judgeRunId: judgeRun.id, judgeStep: 400, verdict: 0 }] }],
    });
    const [row] = await db.current.sql.query(
      `SELECT s.blob_sha256, j.judge, j.judge_step FROM samples s JOIN judgments j ON j.sample_id = s.id WHERE s.run_id = $1`,
      [runId],
    );
    expect(row).toEqual({ blob_sha256: sha, judge: `self:${judgeRun.id}`, judge_step: 400 });
  });
});

describe("adding judgments later", () => {
  it("finds samples by id or natural key, and is idempotent", async () => {
    const { actor, runId } = await setup();
    const { sampleIds } = await log(actor, runId, { samples: [0, 1].map((candidate) => ({ step: 10, prompt: inlinePrompt, candidate })) });
    const request = ZAddJudgmentsRequest.parse({
      judgments: [
        { sample: { id: sampleIds[0] }, kind: "external", judge: "qwen2.5-vl-72b", verdict: 1, score: 0.8 },
        { sample: { step: 10, prompt: "geneval/00001", candidate: 1 }, kind: "human", judge: "alice", verdict: 0, reason: "the bench is blue" },
      ],
    });
    expect(await addJudgments(actor, runId, request, false)).toEqual({ inserted: 2, unchanged: 0, updated: 0 });
    expect(await addJudgments(actor, runId, request, false)).toEqual({ inserted: 0, unchanged: 2, updated: 0 });
    const missing = ZAddJudgmentsRequest.parse({ judgments: [{ sample: { step: 11, prompt: "geneval/00001" }, kind: "external", judge: "x", verdict: 1 }] });
    await expect(addJudgments(actor, runId, missing, false)).rejects.toMatchObject({ code: "INVALID_INPUT", details: [{ path: "judgments.0.sample" }] });
    expect(await counts(runId)).toMatchObject({ judgments: 2 });
  });
});

describe("the runs table's cached figures", () => {
  it("are recomputed from the ingested judgments once the batches settle, and follow later batches", async () => {
    const { actor, runId } = await setup();
    const stat = async () =>
      (
        await db.current.sql.query<{ latest_step: number; non: number; non_n: number; gen: number; gen_n: number }>(
          `SELECT latest_step, non, non_n, gen, gen_n FROM run_stats WHERE run_id = $1`,
          [runId],
        )
      )[0];
    const sample = (candidate: number, self: 0 | 1, external: 0 | 1) => ({
      step: 100,
      prompt: inlinePrompt,
      candidate,
      judgments: [
        { kind: "self", verdict: self },
        { kind: "external", judge: "geneval", verdict: external },
      ],
    });
    await log(actor, runId, { samples: [sample(0, 1, 1), sample(1, 1, 0)] });
    await log(actor, runId, { samples: [sample(2, 0, 0), sample(3, 0, 1)] });
    await flushRunStatRefreshes();
    // Two of four images contradict the external judge; two of four are correct.
    expect(await stat()).toMatchObject({ latest_step: 100, non: 0.5, non_n: 4, gen: 0.5, gen_n: 4 });
    await log(actor, runId, { samples: [{ ...sample(0, 1, 1), step: 200 }] });
    await flushRunStatRefreshes();
    expect(await stat()).toMatchObject({ latest_step: 200, non: 0, non_n: 1, gen: 1, gen_n: 1 });
  });
});
