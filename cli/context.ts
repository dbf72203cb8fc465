import { createUnigapClient, type TUnigapClient } from "../lib/api-client/client";

// What every command needs: the server, the key, where the run is, how to report.

export type TGlobalOptions = { url?: string; apiKey?: string; json?: boolean };
export type TRunOptions = { project?: string; run: string; method?: string; overwrite?: boolean };
export type TContext = { client: TUnigapClient; json: boolean };

export function createContext(options: TGlobalOptions, env: Record<string, string | undefined> = process.env): TContext {
  const url = options.url ?? env.UNIGAP_URL ?? "http://localhost:3000";
  const apiKey = options.apiKey ?? env.UNIGAP_API_KEY;
  if (!apiKey) throw new Error("No API key: set UNIGAP_API_KEY or pass --api-key (create one in the project's settings).");
  return { client: createUnigapClient({ url, apiKey }), json: options.json === true };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** --run is a run id, or a name: the one run of that name, created when there is none (unless `create` is false). */
export async function resolveRun(client: TUnigapClient, options: TRunOptions, create = true): Promise<{ id: string; url: string }> {
  if (UUID.test(options.run)) return client.getRun(options.run);
  const { runs } = await client.listRuns({ project: options.project, name: options.run });
  if (runs.length > 1) throw new Error(`${runs.length} runs are named "${options.run}"; pass the run's id instead (${runs.map((r) => r.id).join(", ")}).`);
  if (runs[0]) return runs[0];
  if (!create) throw new Error(`No run is named "${options.run}".`);
  return client.createRun({ name: options.run, project: options.project, method: options.method, tags: ["imported"] });
}

/** The last line of an import: JSON for machines, a sentence for people. */
export function report(ctx: TContext, result: Record<string, unknown>, sentence: string): void {
  process.stdout.write(ctx.json ? `${JSON.stringify(result)}\n` : `${sentence}\n`);
}
