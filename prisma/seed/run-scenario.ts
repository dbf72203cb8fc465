// Adds one scenario to an open database. An instance nobody has started yet is first given what a
// first start gives it (the demo account, the demo project, the credentials file), so every scenario
// has an owner who can sign in and see it.
import "server-only";

import type { TDatabase } from "@/lib/db/open";

import { DEMO_EMAIL, seedDemo } from "./demo";
import { writeDemoCredentials } from "./demo-credentials";
import { SCENARIOS, type TScenarioName } from "./scenarios/registry";
import type { TScenarioResult } from "./scenarios/types";
import { countUsers, findFirstUserId, findUserIdByEmail } from "./write/seed-repository";

export async function seedScenario(db: TDatabase, name: TScenarioName, log: (line: string) => void = () => {}): Promise<TScenarioResult & { seconds: number }> {
  const started = Date.now();
  const finish = (result: TScenarioResult) => ({ ...result, seconds: Math.round((Date.now() - started) / 100) / 10 });
  if ((await countUsers(db.sql)) === 0) {
    log("no account yet: creating the demo account and project first (as a first start would)");
    const credentials = await seedDemo(db, log);
    log(`demo sign-in saved to ${writeDemoCredentials(db.config.dataDir, credentials)}`);
    if (name === "demo") return finish({ projectSlug: credentials.projectSlug, summary: "the demo project" });
  }
  const ownerId = (await findUserIdByEmail(db.sql, DEMO_EMAIL)) ?? (await findFirstUserId(db.sql));
  return finish(await SCENARIOS[name]({ db, ownerId: ownerId!, log }));
}
