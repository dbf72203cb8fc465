import { z } from "zod";

// The query of GET /api/v1/paper-table and of the Paper table page (the page's URL holds the same
// names): which runs (the first is the baseline row), at which checkpoint, on which benchmark.

/** At most this many rows: a paper table, not a dump of the project. */
export const PAPER_TABLE_MAX_RUNS = 12;

const UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const ENTRY = new RegExp(`^(${UUID})(?:@(\\d{1,10}))?$`);

export type TPaperTableEntry = { runId: string; step?: number };

const ZEntries = z
  .string()
  .min(1)
  .max(PAPER_TABLE_MAX_RUNS * 48)
  .transform((text, ctx): TPaperTableEntry[] => {
    const parts = text.split(",").map((p) => p.trim());
    const entries: TPaperTableEntry[] = [];
    for (const [i, part] of parts.entries()) {
      const match = ENTRY.exec(part);
      const step = match?.[2] === undefined ? undefined : Number(match[2]);
      if (!match || (step !== undefined && step > 2_147_483_647)) {
        ctx.addIssue({ code: "custom", message: `entry ${i + 1} ("${part.slice(0, 60)}") is not <run id> or <run id>@<step>` });
        return z.NEVER;
      }
      const entry = { runId: match[1]!.toLowerCase(), ...(step === undefined ? {} : { step }) };
      if (entries.some((e) => e.runId === entry.runId && e.step === entry.step)) {
        ctx.addIssue({ code: "custom", message: `entry ${i + 1} repeats ${part}` });
        return z.NEVER;
      }
      entries.push(entry);
    }
    if (entries.length > PAPER_TABLE_MAX_RUNS) {
      ctx.addIssue({ code: "custom", message: `at most ${PAPER_TABLE_MAX_RUNS} runs per table (got ${entries.length})` });
      return z.NEVER;
    }
    return entries;
  });

export const ZPaperTableQuery = z
  .object({
    runs: ZEntries.describe(
      `Comma-separated run ids, the baseline first (1–${PAPER_TABLE_MAX_RUNS}); \`<id>@<step>\` picks a checkpoint (default: the baseline's first checkpoint, every other run's latest checkpoint with figures on the benchmark). One run may appear at several steps.`,
    ),
    benchmark: z.string().min(1).max(200).describe("The benchmark whose subtasks are the columns (e.g. t2i-compbench, geneval)."),
    format: z.enum(["json", "csv", "latex"]).default("json").describe("json (the table model), csv (long form) or latex (a standalone booktabs document)."),
    intervals: z.enum(["0", "1"]).default("0").describe("1 adds the 95% intervals (a line under each run in LaTeX; always present in json and csv)."),
  })
  .strict();

/** The `runs` value of an ordered list of entries (the page builds its links with it). */
export function formatPaperTableRuns(entries: readonly TPaperTableEntry[]): string {
  return entries.map((e) => (e.step === undefined ? e.runId : `${e.runId}@${e.step}`)).join(",");
}
