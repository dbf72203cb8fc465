// The first-start demo: the demo account, the `demo` project with an API key, and the simulated
// experiments of prisma/seed/scenarios/demo.ts. Returns the credentials first start writes to disk.
import "server-only";

import { randomBytes } from "node:crypto";

import { createApiKeyForSeed } from "@/lib/api-keys/service";
import type { TDatabase } from "@/lib/db/open";
import { createUserWithPassword } from "@/lib/users/service";

import { seedDemoProject } from "./scenarios/demo";

export type TDemoCredentials = { email: string; password: string; projectSlug: string; apiKey: string };

export const DEMO_EMAIL = "demo@unigap.local";
export const DEMO_PROJECT_SLUG = "demo";

export async function seedDemo(db: TDatabase, log?: (line: string) => void): Promise<TDemoCredentials> {
  const password = randomBytes(9).toString("base64url");
  const user = await createUserWithPassword({ email: DEMO_EMAIL, name: "Demo researcher", password });
  const project = await seedDemoProject(db, { ownerId: user.id, slug: DEMO_PROJECT_SLUG, log });
  const key = await createApiKeyForSeed(project.projectId, "demo key");
  return { email: DEMO_EMAIL, password, projectSlug: project.slug, apiKey: key.secret };
}
