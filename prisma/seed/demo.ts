// The first-start demo: a user, the `demo` project, an API key and a few runs with training curves,
// so the first page is not empty. The paper-faithful simulator (its own issue) replaces the runs.
import "server-only";

import { randomBytes } from "node:crypto";

import { createApiKeyForSeed } from "@/lib/api-keys/service";
import type { TDatabase } from "@/lib/db/open";
import { insertProjectWithOwner } from "@/lib/projects/repository";
import { insertMetricPoints } from "@/lib/series/repository";
import { createUserWithPassword } from "@/lib/users/service";

import { createRng, gaussian } from "./rng";

export type TDemoCredentials = { email: string; password: string; projectSlug: string; apiKey: string };

export const DEMO_EMAIL = "demo@unigap.local";
export const DEMO_PROJECT_SLUG = "demo";

const RUNS = [
  { name: "janus-pro-7b · baseline", method: "baseline", decay: 0 },
  { name: "janus-pro-7b · SFT (self-judged)", method: "sft", decay: 1.2 },
  { name: "janus-pro-7b · DPO", method: "dpo", decay: 0.8 },
] as const;

export async function seedDemo(db: TDatabase): Promise<TDemoCredentials> {
  const password = randomBytes(9).toString("base64url");
  const user = await createUserWithPassword({ email: DEMO_EMAIL, name: "Demo researcher", password });
  const project = await insertProjectWithOwner({ slug: DEMO_PROJECT_SLUG, name: "Demo: self-improvement of Janus-Pro", ownerId: user.id });
  const key = await createApiKeyForSeed(project.id, "demo key");

  const rng = createRng(2507_16663);
  let baselineId: string | null = null;
  for (const spec of RUNS) {
    const run: { id: string } = await db.prisma.run.create({
      data: {
        projectId: project.id,
        name: spec.name,
        method: spec.method,
        tags: ["simulated", "demo"],
        status: "finished",
        baselineRunId: baselineId,
        config: { model: "Janus-Pro-7B", lr: 1e-5, candidates: 10 },
        createdById: user.id,
      },
      select: { id: true },
    });
    baselineId ??= run.id;
    if (spec.decay === 0) continue;
    const points = Array.from({ length: 400 }, (_, step) => ({
      key: "train/loss",
      step,
      value: 2.4 * Math.exp((-spec.decay * step) / 200) + 0.35 + 0.05 * gaussian(rng),
      wallTime: new Date(Date.UTC(2026, 10, 1) + step * 30_000),
    }));
    await insertMetricPoints(db.sql, run.id, points);
  }
  return { email: DEMO_EMAIL, password, projectSlug: project.slug, apiKey: key.secret };
}
