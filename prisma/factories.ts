// Test and benchmark factories: real rows through the same repositories and bulk SQL the app uses.
// Integration tests call these after setupTestDatabase(); every name is unique so tests never collide.
import "server-only";

import { randomBytes } from "node:crypto";

import { createApiKeyForSeed } from "@/lib/api-keys/service";
import { getDb } from "@/lib/db/client";
import { findPromptsByExternalIds, insertPromptsReturningExisting, type TPromptRow } from "@/lib/ingest/prompt-repository";
import { insertJudgments, insertSamples, sampleKey, upsertCheckpoints, type TJudgmentRow, type TSampleRow } from "@/lib/samples/bulk-repository";
import { createUserWithPassword } from "@/lib/users/service";

export function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

export async function createTestUser(overrides: { email?: string; name?: string; password?: string } = {}) {
  const password = overrides.password ?? `pw-${uniqueSuffix()}`;
  const user = await createUserWithPassword({ email: overrides.email ?? `user-${uniqueSuffix()}@test.unigap`, name: overrides.name ?? "Test user", password });
  return { ...user, password };
}

export async function createTestProject(options: { ownerId?: string; slug?: string; name?: string } = {}) {
  const { prisma } = await getDb();
  const ownerId = options.ownerId ?? (await createTestUser()).id;
  const slug = options.slug ?? `proj-${uniqueSuffix()}`;
  const project = await prisma.project.create({
    data: { slug, name: options.name ?? `Project ${slug}`, memberships: { create: { userId: ownerId, role: "owner" } } },
    select: { id: true, slug: true, name: true },
  });
  return { ...project, ownerId };
}

export async function addTestMember(projectId: string, userId: string, role: "owner" | "editor" | "viewer") {
  const { prisma } = await getDb();
  await prisma.membership.create({ data: { projectId, userId, role }, select: { id: true } });
}

export async function createTestApiKey(projectId: string) {
  return createApiKeyForSeed(projectId, `key-${uniqueSuffix()}`);
}

export async function createTestRun(
  projectId: string,
  overrides: {
    name?: string;
    method?: string;
    tags?: string[];
    baselineRunId?: string | null;
    baselineStep?: number | null;
    status?: "running" | "finished" | "failed";
  } = {},
) {
  const { prisma } = await getDb();
  return prisma.run.create({
    data: {
      projectId,
      name: overrides.name ?? `run-${uniqueSuffix()}`,
      method: overrides.method ?? "sft",
      tags: overrides.tags ?? [],
      baselineRunId: overrides.baselineRunId ?? null,
      baselineStep: overrides.baselineStep ?? null,
      status: overrides.status ?? "finished",
    },
    select: { id: true, projectId: true, name: true },
  });
}

export type TTestPrompt = { externalId?: string; text?: string; benchmark?: string; subtask?: string; spec?: unknown };

export async function createTestPrompts(projectId: string, prompts: readonly TTestPrompt[]) {
  const { sql } = await getDb();
  const rows: TPromptRow[] = prompts.map((p, i) => ({
    externalId: p.externalId ?? `prompt-${uniqueSuffix()}-${i}`,
    text: p.text ?? `a photo of object ${i}`,
    benchmark: p.benchmark ?? "geneval",
    subtask: p.subtask ?? "single_object",
    tier: null,
    split: null,
    spec: p.spec ?? null,
  }));
  const { existing } = await insertPromptsReturningExisting(sql, projectId, rows);
  if (existing.length > 0) throw new Error(`createTestPrompts: prompts already exist (${existing.map((e) => e.externalId).join(", ")})`);
  const byExternal = await findPromptsByExternalIds(
    sql,
    projectId,
    rows.map((r) => r.externalId),
  );
  return rows.map((r) => byExternal.get(r.externalId)!);
}

export type TTestJudgment = Omit<TJudgmentRow, "sampleId" | "runId" | "step" | "subtask" | "judgeStep" | "judge"> & { judge?: string; judgeStep?: number };
export type TTestSample = Partial<Omit<TSampleRow, "promptId" | "subtask" | "benchmark">> & {
  step: number;
  prompt: { id: string; subtask: string; benchmark: string };
  judgments?: readonly TTestJudgment[];
};

/**
 * Inserts samples with their judgments. A self judgment defaults to judging at the sample's own step
 * (judge "self"); external and human judgments default to judge step -1.
 */
export async function createTestSamples(runId: string, samples: readonly TTestSample[]) {
  const { sql } = await getDb();
  return sql.transaction(async (tx) => {
    const rows: TSampleRow[] = samples.map((s) => ({
      step: s.step,
      epoch: s.epoch ?? null,
      promptId: s.prompt.id,
      subtask: s.prompt.subtask,
      benchmark: s.prompt.benchmark,
      candidate: s.candidate ?? 0,
      candidates: s.candidates ?? null,
      blobSha256: s.blobSha256 ?? null,
      genLogLik: s.genLogLik ?? null,
      role: s.role ?? "eval",
    }));
    await upsertCheckpoints(
      tx,
      runId,
      rows.map((r) => ({ step: r.step, epoch: r.epoch })),
    );
    const ids = await insertSamples(tx, runId, rows);
    const judgments: TJudgmentRow[] = samples.flatMap((s, i) => {
      const row = rows[i]!;
      const sampleId = ids.get(sampleKey(row.step, row.promptId, row.candidate));
      if (!sampleId) throw new Error(`duplicate test sample at step ${row.step}, candidate ${row.candidate}`);
      return (s.judgments ?? []).map((j) => ({
        ...j,
        sampleId,
        runId,
        step: row.step,
        subtask: row.subtask,
        judge: j.judge ?? (j.kind === "self" ? "self" : j.kind === "external" ? "geneval" : "annotator"),
        judgeStep: j.judgeStep ?? (j.kind === "self" ? row.step : -1),
      }));
    });
    await insertJudgments(tx, judgments);
    return rows.map((r) => ids.get(sampleKey(r.step, r.promptId, r.candidate))!);
  });
}

export type TTestRunStats = {
  latestStep?: number | null;
  gen?: number | null;
  genN?: number;
  und?: number | null;
  undN?: number;
  non?: number | null;
  nonN?: number;
  nonSeries?: unknown;
  benchmarks?: string[];
};

/** run_stats as the metrics engine would cache them (the runs table sorts and draws sparklines from these). */
export async function createTestRunStats(runId: string, stats: TTestRunStats) {
  const { sql } = await getDb();
  await sql.execute(
    `INSERT INTO run_stats (run_id, latest_step, gen, gen_n, und, und_n, non, non_n, non_series, benchmarks)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::text[])`,
    [
      runId,
      stats.latestStep ?? null,
      stats.gen ?? null,
      stats.genN ?? 0,
      stats.und ?? null,
      stats.undN ?? 0,
      stats.non ?? null,
      stats.nonN ?? 0,
      JSON.stringify(stats.nonSeries ?? []),
      stats.benchmarks ?? [],
    ],
  );
}
