import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createTestUser } from "@/prisma/factories";

import { seedDemoProject, type TDemoProject } from "./demo";

const db = setupTestDatabase();

// Every third prompt of the demo: the same simulator, writer and story at a third of the rows. The
// rows are deterministic, so the story's direction is a fixed fact of the seed, not a flaky sample.
const STRIDE = 3;

type TRow = Record<string, string | number | null>;
const pct = (v: unknown) => Number(v);

async function seedOnce(): Promise<TDemoProject> {
  const owner = await createTestUser();
  return seedDemoProject(db.current, { ownerId: owner.id, slug: "demo-test", stride: STRIDE });
}

describe("the demo seed", () => {
  it("writes runs, samples with images, judgments, rounds and curves whose aggregates tell the paper's story", async () => {
    const demo = await seedOnce();
    const { sql } = db.current;
    const id = (key: string) => demo.runIds[key]!;

    const [counts] = await sql.query<TRow>(
      `SELECT (SELECT count(*) FROM runs WHERE project_id = $1)::int AS runs,
              (SELECT count(*) FROM runs WHERE project_id = $1 AND 'simulated' = ANY(tags))::int AS simulated,
              (SELECT count(*) FROM samples s JOIN runs r ON r.id = s.run_id WHERE r.project_id = $1)::int AS samples,
              (SELECT count(*) FROM samples s JOIN runs r ON r.id = s.run_id WHERE r.project_id = $1 AND s.blob_sha256 IS NULL)::int AS without_image,
              (SELECT count(*) FROM judgments j JOIN runs r ON r.id = j.run_id WHERE r.project_id = $1)::int AS judgments,
              (SELECT count(*) FROM blobs)::int AS blobs,
              (SELECT count(*) FROM runs WHERE project_id = $1 AND baseline_run_id = $2)::int AS compared`,
      [demo.projectId, id("baseline")],
    );
    expect(counts).toMatchObject({ runs: 5, simulated: 5, samples: demo.samples, without_image: 0, compared: 4 });
    expect(Number(counts!.judgments)).toBeGreaterThan(2 * demo.samples);
    expect(Number(counts!.blobs)).toBeGreaterThan(100);

    // Non and Gen per run at its last checkpoint, pooled over the eval images.
    const scores = await sql.query<TRow>(
      `SELECT s.run_id, max(s.step) OVER (PARTITION BY s.run_id) = s.step AS last, s.step,
              avg((j.verdict = 0)::int) FILTER (WHERE j.kind = 'self' AND j.verdict IS NOT NULL) AS non,
              avg(j.verdict) FILTER (WHERE j.kind = 'external') AS gen
       FROM samples s JOIN judgments j ON j.sample_id = s.id AND (j.kind = 'external' OR (j.judge = 'self' AND j.judge_step = s.step))
       JOIN runs r ON r.id = s.run_id
       WHERE r.project_id = $1 AND s.role = 'eval' GROUP BY s.run_id, s.step`,
      [demo.projectId],
    );
    const final = (runId: string) => scores.filter((r) => r.run_id === runId).sort((a, b) => Number(b.step) - Number(a.step))[0]!;
    const base = final(id("baseline"));

    // Understanding: on the baseline's images where a checkpoint and the baseline disagree, the share where the checkpoint agrees with the external judge.
    const und = await sql.query<TRow>(
      `SELECT substr(c.judge, 6) AS run_id, count(*)::int AS n, avg((c.verdict = e.verdict)::int) AS und
       FROM judgments c
       JOIN judgments b ON b.sample_id = c.sample_id AND b.kind = 'self' AND b.judge = 'self' AND b.judge_step = 0
       JOIN judgments e ON e.sample_id = c.sample_id AND e.kind = 'external'
       WHERE c.run_id = $1 AND c.kind = 'self' AND c.judge LIKE 'self:%' AND c.judge_step = 2000
         AND c.verdict IS NOT NULL AND b.verdict IS NOT NULL AND c.verdict <> b.verdict
       GROUP BY 1`,
      [id("baseline")],
    );
    const undOf = (runId: string) => pct(und.find((r) => r.run_id === runId)!.und);

    // SFT co-improves.
    expect(pct(final(id("sft")).gen)).toBeGreaterThan(pct(base.gen) + 0.03);
    expect(pct(final(id("sft")).non)).toBeLessThan(pct(base.non));
    expect(undOf(id("sft"))).toBeGreaterThan(0.5);
    // DPO gains, less than SFT.
    expect(pct(final(id("dpo")).gen)).toBeGreaterThan(pct(base.gen));
    expect(pct(final(id("dpo")).gen)).toBeLessThan(pct(final(id("sft")).gen));
    // Poor supervision: both down while Non improves.
    const poor = id("poor-supervision");
    expect(pct(final(poor).gen)).toBeLessThan(pct(base.gen) - 0.03);
    expect(undOf(poor)).toBeLessThan(0.5);
    expect(pct(final(poor).non)).toBeLessThan(pct(base.non));

    // Curriculum: the discard pool after round 0 and the prompts admitted at the first replay, from roles and labels.
    const rounds = await sql.query<TRow>(
      `SELECT c.step, c.label, count(DISTINCT s.prompt_id)::int AS sampled,
              count(DISTINCT s.prompt_id) FILTER (WHERE s.role = 'sft_chosen')::int AS admitted
       FROM checkpoints c JOIN samples s ON s.run_id = c.run_id AND s.step = c.step AND s.role <> 'eval'
       WHERE c.run_id = $1 GROUP BY c.step, c.label ORDER BY c.step`,
      [id("curriculum")],
    );
    expect(rounds[0]).toMatchObject({ step: 0, label: "round 0 (construction)" });
    const pool = Number(rounds[0]!.sampled) - Number(rounds[0]!.admitted);
    expect(rounds[1]).toMatchObject({ step: 1000, label: "epoch 10 · round 1 (replay)", sampled: pool });
    expect(Number(rounds[1]!.admitted)).toBeGreaterThan(0);

    // The supervision audit separates good labels from corrupted ones.
    const audit = await sql.query<TRow>(
      `SELECT s.run_id, avg(j.verdict) AS aligned FROM samples s JOIN judgments j ON j.sample_id = s.id AND j.kind = 'external'
       WHERE s.role = 'sft_chosen' AND s.run_id = ANY($1::uuid[]) GROUP BY s.run_id`,
      [[id("sft"), poor]],
    );
    const aligned = (runId: string) => pct(audit.find((r) => r.run_id === runId)!.aligned);
    expect(aligned(id("sft"))).toBeGreaterThan(aligned(poor) + 0.2);

    // Dense curves, and the misaligned images' external reasons name their error.
    const [curves] = await sql.query<TRow>(`SELECT count(*)::int AS n, count(DISTINCT key)::int AS keys FROM metric_points WHERE run_id = $1`, [id("dpo")]);
    expect(curves).toMatchObject({ n: 8000, keys: 4 });
    const reasons = await sql.query<TRow>(
      `SELECT DISTINCT split_part(reason, ':', 1) AS kind FROM judgments WHERE run_id = $1 AND kind = 'external' AND reason <> 'aligned' AND reason NOT LIKE 'aligned%'`,
      [id("baseline")],
    );
    expect(reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(["missing_object", "wrong_count", "wrong_color", "wrong_position"]));
  }, 300_000);
});
