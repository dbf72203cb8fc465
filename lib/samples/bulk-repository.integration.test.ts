import { describe, expect, it } from "vitest";

import { setupTestDatabase } from "@/lib/db/testing/setup-test-database";
import { createTestProject, createTestPrompts, createTestRun, createTestSamples } from "@/prisma/factories";

const db = setupTestDatabase();

describe("bulk sample and judgment writes", () => {
  it("stores samples with self and external judgments and their denormalised run, step and subtask", async () => {
    const project = await createTestProject();
    const run = await createTestRun(project.id);
    const [prompt] = await createTestPrompts(project.id, [{ subtask: "color_attr" }]);
    const ids = await createTestSamples(run.id, [
      {
        step: 100,
        prompt: prompt!,
        candidate: 0,
        judgments: [
          { kind: "self", verdict: 0, response: "The score is 0." },
          { kind: "external", verdict: 1 },
        ],
      },
      { step: 100, prompt: prompt!, candidate: 1, judgments: [{ kind: "self", verdict: null, response: "I cannot tell." }] },
    ]);
    expect(ids).toHaveLength(2);
    const rows = await db.current.sql.query<{ kind: string; judge: string; judge_step: number; verdict: number | null; subtask: string; step: number }>(
      `SELECT kind::text, judge, judge_step, verdict, subtask, step FROM judgments WHERE run_id = $1 ORDER BY sample_id, judgments.kind`,
      [run.id],
    );
    expect(rows).toEqual([
      { kind: "self", judge: "self", judge_step: 100, verdict: 0, subtask: "color_attr", step: 100 },
      { kind: "external", judge: "geneval", judge_step: -1, verdict: 1, subtask: "color_attr", step: 100 },
      { kind: "self", judge: "self", judge_step: 100, verdict: null, subtask: "color_attr", step: 100 },
    ]);
    const [checkpoint] = await db.current.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM checkpoints WHERE run_id = $1`, [run.id]);
    expect(checkpoint?.n).toBe(1);
  });
});
