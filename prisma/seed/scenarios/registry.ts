// The seed scenarios `npm run seed -- <name>` knows. Each adds a new project (slug `<name>`, or
// `<name>-2`, … when taken) owned by the demo account.
import { seedDemoProject, type TDemoOptions } from "./demo";
import { seedLongRun } from "./long-run";
import { seedManyRuns } from "./many-runs";
import { seedManySamples } from "./many-samples";
import type { TScenario } from "./types";

function demoScenario(options: Omit<TDemoOptions, "ownerId" | "log">): TScenario {
  return async ({ db, ownerId, log }) => {
    const project = await seedDemoProject(db, { ...options, ownerId, log });
    return {
      projectSlug: project.slug,
      summary: `${Object.keys(project.runIds).length} runs, ${project.samples.toLocaleString("en")} samples, ${project.images.toLocaleString("en")} images`,
    };
  };
}

export const SCENARIOS = {
  demo: demoScenario({}),
  /** The demo's runs on every 40th prompt: seconds to seed, for smoke tests. */
  tiny: demoScenario({ slug: "tiny", name: "Tiny demo (simulated, every 40th prompt)", stride: 40 }),
  "many-runs": seedManyRuns,
  "long-run": seedLongRun,
  "many-samples": seedManySamples,
} satisfies Record<string, TScenario>;

export type TScenarioName = keyof typeof SCENARIOS;
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as TScenarioName[];

export function isScenarioName(name: string): name is TScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}
