import "server-only";

import type { TListSamplesQuery, TListedSample } from "@/lib/api/contracts/samples";
import type { TActor } from "@/lib/auth/actor";

import { requireRun } from "./run-service";
import { listSamplesAtStep } from "./sample-repository";

/**
 * A run's samples at one step, a page at a time (id order): what `unigap import judgments` and
 * `import scores` join their files to — by the image's source path or by prompt and candidate.
 */
export async function listSamples(actor: TActor, runId: string, query: TListSamplesQuery): Promise<{ samples: TListedSample[]; nextCursor: string | null }> {
  const run = await requireRun(actor, runId, "viewer");
  const rows = await listSamplesAtStep(run.id, query.step, query.cursor ?? null, query.limit);
  const samples = rows.map((r) => ({
    id: r.id,
    step: r.step,
    prompt: r.prompt,
    candidate: r.candidate,
    benchmark: r.benchmark,
    subtask: r.subtask,
    role: r.role,
    sourcePath: r.source_path,
  }));
  return { samples, nextCursor: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
}
