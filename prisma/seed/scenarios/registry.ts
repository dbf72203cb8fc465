// The seed scenarios `npm run seed -- <name>` knows. Each adds a new project (slug `<name>`, or
// `<name>-2`, … when taken) owned by the demo account.
import { seedDemoProject } from "./demo";
import { seedLongRun } from "./long-run";
import { seedManyRuns } from "./many-runs";
import { seedManySamples } from "./many-samples";
import type { TScenario } from "./types";

export const SCENARIOS = {
  demo: async ({ db, ownerId, log }) => {
    const project = await seedDemoProject(db, { ownerId, log });
    return { projectSlug: project.slug, summary: `${Object.keys(project.runIds).length} runs, ${project.samples.toLocaleString("en")} samples, ${project.images.toLocaleString("en")} images` };
  },
  "many-runs": seedManyRuns,
  "long-run": seedLongRun,
  "many-samples": seedManySamples,
} satisfies Record<string, TScenario>;

export type TScenarioName = keyof typeof SCENARIOS;
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as TScenarioName[];

export function isScenarioName(name: string): name is TScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}
