// Seeds the metrics benchmark's run through the app's bulk SQL path: checkpoints × prompts ×
// candidates images, each with a self and an external judgment, plus every later checkpoint's
// verdict on the first checkpoint's images (the understanding score's input). The dynamics are a
// caricature of the paper's co-improvement: generation improves, false positives fall.
import type { TDatabase } from "@/lib/db/open";
import { insertJudgments, insertSamples, type TJudgmentRow, upsertCheckpoints } from "@/lib/samples/bulk-repository";
import { createTestProject, createTestPrompts, createTestRun } from "@/prisma/factories";
import { createRng, type TRng } from "@/prisma/seed/rng";

export type TBenchShape = { checkpoints: number; prompts: number; candidates: number };
export type TBenchRun = { projectId: string; ownerId: string; runId: string; steps: number[]; judgments: number };

const RUN_NAME = "bench · SFT";
const TAGS = ["single_object", "two_object", "counting", "colors", "position", "color_attr"];
const STEP = 100;
const JUDGMENT_BATCH = 30_000;

/** Aligned with probability p; self verdicts are unparseable 2% of the time. */
const bernoulli = (rng: TRng, p: number): 0 | 1 => (rng() < p ? 1 : 0);

function selfVerdict(rng: TRng, external: 0 | 1, progress: number): 0 | 1 | null {
  if (rng() < 0.02) return null;
  // The judge accepts 90% of good images; its false-positive rate falls from 0.5 to 0.2 over training.
  return external === 1 ? bernoulli(rng, 0.9) : bernoulli(rng, 0.5 - 0.3 * progress);
}

async function insertInBatches(db: TDatabase, rows: TJudgmentRow[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += JUDGMENT_BATCH) inserted += await insertJudgments(db.sql, rows.slice(i, i + JUDGMENT_BATCH));
  return inserted;
}

/** The run a kept database already holds (see --keep), with its checkpoint steps and judgment count. */
export async function findBenchRun(db: TDatabase): Promise<TBenchRun | null> {
  const [run] = await db.sql.query<{ id: string; project_id: string; owner_id: string }>(
    `SELECT r.id, r.project_id, m.user_id AS owner_id FROM runs r JOIN memberships m ON m.project_id = r.project_id AND m.role = 'owner' WHERE r.name = $1 LIMIT 1`,
    [RUN_NAME],
  );
  if (!run) return null;
  const steps = (await db.sql.query<{ step: number }>(`SELECT step FROM checkpoints WHERE run_id = $1 ORDER BY step`, [run.id])).map((r) => r.step);
  const [count] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM judgments WHERE run_id = $1`, [run.id]);
  return { projectId: run.project_id, ownerId: run.owner_id, runId: run.id, steps, judgments: count?.n ?? 0 };
}

export async function seedBenchRun(db: TDatabase, shape: TBenchShape, log: (line: string) => void): Promise<TBenchRun> {
  const rng = createRng(2507_16663);
  const project = await createTestProject({ slug: `bench-${Date.now().toString(36)}` });
  const run = await createTestRun(project.id, { name: RUN_NAME, method: "sft" });
  const prompts = await createTestPrompts(
    project.id,
    Array.from({ length: shape.prompts }, (_, i) => ({ externalId: `bench-${i}`, benchmark: "geneval", subtask: TAGS[i % TAGS.length]! })),
  );
  const difficulty = prompts.map(() => rng());
  const steps = Array.from({ length: shape.checkpoints }, (_, i) => i * STEP);
  let baselineImages: { id: string; external: 0 | 1; subtask: string }[] = [];
  let judgments = 0;
  const started = Date.now();

  for (const [index, step] of steps.entries()) {
    const progress = index / Math.max(1, shape.checkpoints - 1);
    const rows = prompts.flatMap((prompt) =>
      Array.from({ length: shape.candidates }, (_, candidate) => ({
        step,
        promptId: prompt.id,
        subtask: prompt.subtask,
        benchmark: prompt.benchmark,
        candidate,
        role: "eval" as const,
      })),
    );
    await upsertCheckpoints(db.sql, run.id, [{ step }]);
    const ids = await insertSamples(db.sql, run.id, rows);
    const judgmentRows: TJudgmentRow[] = [];
    const images = rows.map((row, i) => {
      const id = ids.get(`${step}|${row.promptId}|${row.candidate}`)!;
      const external = bernoulli(rng, 0.35 + 0.35 * progress + 0.3 * (0.5 - difficulty[Math.floor(i / shape.candidates)]!));
      judgmentRows.push({ sampleId: id, runId: run.id, step, subtask: row.subtask, kind: "external", judge: "geneval", judgeStep: -1, verdict: external });
      judgmentRows.push({
        sampleId: id,
        runId: run.id,
        step,
        subtask: row.subtask,
        kind: "self",
        judge: "self",
        judgeStep: step,
        verdict: selfVerdict(rng, external, progress),
      });
      return { id, external, subtask: row.subtask };
    });
    judgments += await insertInBatches(db, judgmentRows);
    if (index === 0) baselineImages = images;
    // Every later checkpoint judges the first checkpoint's images: the understanding score's data.
    if (index > 0) {
      const rejudged = baselineImages.map((image) => ({
        sampleId: image.id,
        runId: run.id,
        step: 0,
        subtask: image.subtask,
        kind: "self" as const,
        judge: "self",
        judgeStep: step,
        verdict: selfVerdict(rng, image.external, progress),
      }));
      judgments += await insertInBatches(db, rejudged);
    }
    if ((index + 1) % 10 === 0)
      log(
        `  seeded ${index + 1}/${shape.checkpoints} checkpoints, ${judgments.toLocaleString("en")} judgments (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
  }
  return { projectId: project.id, ownerId: project.ownerId, runId: run.id, steps, judgments };
}
