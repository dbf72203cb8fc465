// The seed side as the server's boot sequence receives it (instrumentation.ts hands it in; see
// lib/system/seeders.ts): the first-start demo and the scenarios of `npm run seed`.
import "server-only";

import type { TSeeders } from "@/lib/system/seeders";

import { seedDemo } from "./demo";
import { writeDemoCredentials } from "./demo-credentials";
import { seedScenario } from "./run-scenario";
import { isScenarioName, SCENARIO_NAMES } from "./scenarios/registry";

export const seeders: TSeeders = {
  async seedFirstStartDemo(db) {
    const started = Date.now();
    const credentials = await seedDemo(db);
    const file = writeDemoCredentials(db.config.dataDir, credentials);
    return [
      `demo project "${credentials.projectSlug}" created in ${((Date.now() - started) / 1000).toFixed(1)} s. Sign in as ${credentials.email} / ${credentials.password}`,
      `these details and an API key for the demo project are in ${file}`,
    ];
  },
  scenarioNames: SCENARIO_NAMES,
  async seedScenario(db, name, log) {
    if (!isScenarioName(name)) throw new Error(`Unknown scenario "${name}". Known: ${SCENARIO_NAMES.join(", ")}.`);
    return seedScenario(db, name, log);
  },
};
