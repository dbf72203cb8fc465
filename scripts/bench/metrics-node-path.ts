// The benchmark's comparison path: load the raw sample and judgment rows into Node and compute the
// same summary with the TypeScript reference (tally.ts + summarize.ts). Plain filtered SELECTs, no
// aggregation in the database: what an app without the SQL aggregates would do.
import type { TSql } from "@/lib/db/sql";
import { DEFAULT_REPLICATES, DEFAULT_SEED } from "@/lib/metrics/bootstrap";
import type { TOwnCell, TTripleCell } from "@/lib/metrics/counts";
import type { TExternalJudges } from "@/lib/metrics/external-judges";
import { summarizeCheckpoints } from "@/lib/metrics/summarize";
import type { TCheckpointSummary } from "@/lib/metrics/summary-types";
import { tallyOwnCells, tallyTripleCells, type TJudgmentRecord, type TSampleRecord } from "@/lib/metrics/tally";

export type TCells = { own: TOwnCell[]; baseline: TOwnCell[]; triples: TTripleCell[] };

async function loadStep(sql: TSql, runId: string, step: number, judgeSteps: readonly number[]) {
  const samples = await sql.query<TSampleRecord>(
    `SELECT id::text AS id, step, prompt_id::text AS "promptId", benchmark, subtask, role::text AS role FROM samples WHERE run_id = $1::uuid AND step = $2`,
    [runId, step],
  );
  const judgments = await sql.query<TJudgmentRecord>(
    `SELECT sample_id::text AS "sampleId", kind::text AS kind, judge, judge_step AS "judgeStep", verdict, score FROM judgments
     WHERE run_id = $1::uuid AND step = $2 AND (kind <> 'self' OR judge_step = ANY($3::int[]))`,
    [runId, step, judgeSteps],
  );
  return { samples, judgments };
}

/** The per-prompt counters of `steps` against the baseline checkpoint, from rows loaded into Node. */
export async function countInNode(sql: TSql, runId: string, steps: readonly number[], baselineStep: number, externalJudges: TExternalJudges): Promise<TCells> {
  const own: TOwnCell[] = [];
  for (const step of steps) {
    const { samples, judgments } = await loadStep(sql, runId, step, [step]);
    own.push(...tallyOwnCells(samples, judgments, externalJudges));
  }
  const baseline = await loadStep(sql, runId, baselineStep, [baselineStep, ...steps]);
  return {
    own,
    baseline: tallyOwnCells(baseline.samples, baseline.judgments, externalJudges),
    triples: tallyTripleCells(baseline.samples, baseline.judgments, { baselineStep, currentJudge: "self", steps, externalJudges }),
  };
}

export function summarizeCells(steps: readonly number[], cells: TCells): TCheckpointSummary[] {
  return summarizeCheckpoints({
    checkpoints: steps.map((step) => ({ step, epoch: null })),
    ...cells,
    bootstrap: { replicates: DEFAULT_REPLICATES, seed: DEFAULT_SEED },
  });
}

/** Summarises `steps` of a run against its checkpoint `baselineStep`, entirely in Node. */
export async function summarizeInNode(
  sql: TSql,
  runId: string,
  steps: readonly number[],
  baselineStep: number,
  externalJudges: TExternalJudges,
): Promise<TCheckpointSummary[]> {
  return summarizeCells(steps, await countInNode(sql, runId, steps, baselineStep, externalJudges));
}
