import type { TDatabase } from "@/lib/db/open";

export type TScenarioContext = { db: TDatabase; ownerId: string; log: (line: string) => void };
export type TScenarioResult = { projectSlug: string; summary: string };
export type TScenario = (ctx: TScenarioContext) => Promise<TScenarioResult>;
