import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

const runSelect = {
  id: true,
  projectId: true,
  name: true,
  method: true,
  tags: true,
  config: true,
  notes: true,
  status: true,
  baselineRunId: true,
  baselineStep: true,
  externalId: true,
  createdAt: true,
  updatedAt: true,
  heartbeatAt: true,
  finishedAt: true,
  project: { select: { slug: true } },
} satisfies Prisma.RunSelect;

export type TRunRecord = Prisma.RunGetPayload<{ select: typeof runSelect }>;

export async function findRunById(id: string): Promise<TRunRecord | null> {
  const { prisma } = await getDb();
  return prisma.run.findUnique({ where: { id }, select: runSelect });
}

export async function findRunProject(id: string): Promise<{ id: string; projectId: string } | null> {
  const { prisma } = await getDb();
  return prisma.run.findUnique({ where: { id }, select: { id: true, projectId: true } });
}

/** Which of these runs exist in the project (baseline and judging-run references). */
export async function findRunIdsInProject(projectId: string, ids: readonly string[]): Promise<Set<string>> {
  const { prisma } = await getDb();
  const rows = await prisma.run.findMany({ where: { projectId, id: { in: [...ids] } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export type TNewRun = {
  projectId: string;
  name: string;
  method: string;
  tags: string[];
  config: Prisma.InputJsonValue;
  notes: string;
  baselineRunId: string | null;
  baselineStep: number | null;
  externalId: string | null;
  createdById: string | null;
};

/** Inserts a run; with an externalId that exists already, inserts nothing and returns null (race-safe). */
export async function insertRun(run: TNewRun): Promise<string | null> {
  const { sql } = await getDb();
  const [row] = await sql.query<{ id: string }>(
    // Millisecond timestamps, as Prisma writes them: list cursors carry JavaScript dates.
    `INSERT INTO runs (project_id, name, method, tags, config, notes, baseline_run_id, baseline_step, external_id, created_by_id, created_at, updated_at)
     VALUES ($1::uuid, $2, $3, $4::text[], $5::jsonb, $6, $7::uuid, $8, $9, $10::uuid, date_trunc('milliseconds', clock_timestamp()), now())
     ON CONFLICT (project_id, external_id) DO NOTHING RETURNING id`,
    [
      run.projectId,
      run.name,
      run.method,
      run.tags,
      JSON.stringify(run.config),
      run.notes,
      run.baselineRunId,
      run.baselineStep,
      run.externalId,
      run.createdById,
    ],
  );
  return row?.id ?? null;
}

export async function findRunByExternalId(projectId: string, externalId: string): Promise<TRunRecord | null> {
  const { prisma } = await getDb();
  return prisma.run.findUnique({ where: { projectId_externalId: { projectId, externalId } }, select: runSelect });
}

/** The runs behind `ids` (a page of the one run listing, lib/runs/service.ts), in no particular order. */
export async function findRunRecords(ids: readonly string[]): Promise<TRunRecord[]> {
  const { prisma } = await getDb();
  return prisma.run.findMany({ where: { id: { in: [...ids] } }, select: runSelect });
}

export async function updateRunFields(
  id: string,
  data: { status?: "running" | "finished" | "failed"; notes?: string; tags?: string[]; finishedAt?: Date | null },
): Promise<TRunRecord> {
  const { prisma } = await getDb();
  return prisma.run.update({ where: { id }, data, select: runSelect });
}

export async function touchRunHeartbeat(id: string, at: Date): Promise<void> {
  const { prisma } = await getDb();
  await prisma.run.update({ where: { id }, data: { heartbeatAt: at }, select: { id: true } });
}
