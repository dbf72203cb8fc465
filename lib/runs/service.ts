import "server-only";

import type { TActor } from "@/lib/auth/actor";
import { requireProjectRole } from "@/lib/auth/permissions";

import { countRunsForProject, findRunsForProject } from "./repository";
import type { TRunListItemDTO } from "./types";

export async function listRunsForProject(actor: TActor, projectId: string, options: { take?: number } = {}) {
  await requireProjectRole(actor, projectId, "viewer");
  const take = Math.min(options.take ?? 50, 200);
  const [rows, total] = await Promise.all([findRunsForProject(projectId, { take }), countRunsForProject(projectId)]);
  const runs: TRunListItemDTO[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    method: row.method,
    tags: row.tags,
    status: row.status,
    baselineRunId: row.baselineRunId,
    createdAt: row.createdAt.toISOString(),
  }));
  return { runs, total };
}
