import { describe, expect, it } from "vitest";

import { auditSupervision, type TAuditSample } from "./supervision-audit";

const sample = (promptId: string, role: TAuditSample["role"], verdict: 0 | 1 | null, score: number | null = null): TAuditSample => ({
  promptId,
  step: 1,
  role,
  verdict,
  score,
});

describe("supervision audit", () => {
  it("measures the precision of SFT-chosen images against the independent judge", () => {
    const audit = auditSupervision([
      sample("a", "sft_chosen", 1),
      sample("b", "sft_chosen", 0),
      sample("c", "sft_chosen", 1),
      sample("d", "sft_chosen", null),
      sample("e", "eval", 0),
    ]);
    expect(audit.sftPrecision).toMatchObject({ value: 2 / 3, n: 3 });
    expect(audit.sftAtRisk).toBe(true);
  });

  it("checks each chosen × rejected pair of a prompt, with ties set aside", () => {
    // p: chosen 1 vs rejected 0 → agree; q: chosen 0 vs rejected 1 → disagree;
    // r: both 1, scores 0.9 > 0.4 → agree; s: both 0, no scores → tie.
    const audit = auditSupervision([
      sample("p", "dpo_chosen", 1),
      sample("p", "dpo_rejected", 0),
      sample("q", "dpo_chosen", 0),
      sample("q", "dpo_rejected", 1),
      sample("r", "dpo_chosen", 1, 0.9),
      sample("r", "dpo_rejected", 1, 0.4),
      sample("s", "dpo_chosen", 0),
      sample("s", "dpo_rejected", 0),
    ]);
    expect(audit.dpo).toMatchObject({ pairs: 4, agree: 2, disagree: 1, ties: 1 });
    expect(audit.dpo.agreement).toMatchObject({ value: 2 / 3, n: 3 });
    expect(audit.dpoAtRisk).toBe(true);
    expect(audit.sftPrecision.value).toBeNull();
  });
});
