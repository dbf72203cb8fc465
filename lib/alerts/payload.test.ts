import { describe, expect, it } from "vitest";

import { buildJsonBody, buildSlackBody, type TAlertEventInput } from "./payload";

const input: TAlertEventInput = {
  event: "alert.opened",
  alert: {
    id: "a1",
    signature: "co_degradation",
    ruleId: null,
    step: 300,
    figures: { deltaGen: { value: -0.1, n: 200, lo: -0.14, hi: -0.06, lowN: false } },
    reasons: ["co-trend class: co-degradation", "ΔGen -0.100 (95% CI [-0.140, -0.060], n = 200): below 0"],
    openedAt: "2026-12-03T12:00:00.000Z",
    resolvedAt: null,
    resolvedStep: null,
    acknowledgedAt: null,
  },
  project: { slug: "demo", name: "Demo" },
  run: { id: "r1", name: "sft corrupted", link: "http://x/p/demo/runs/r1" },
  sentAt: "2026-12-03T12:00:01.000Z",
};

describe("webhook bodies", () => {
  it("JSON names the run, its link, the step, the rule, the figures and the reasons", () => {
    const body = JSON.parse(buildJsonBody(input));
    expect(body).toMatchObject({
      event: "alert.opened",
      runId: "r1",
      runName: "sft corrupted",
      link: "http://x/p/demo/runs/r1",
      step: 300,
      rule: "co_degradation",
    });
    expect(body.figures.deltaGen.n).toBe(200);
    expect(body.reasons).toHaveLength(2);
  });

  it("Slack-compatible is one text with the same facts", () => {
    const body = JSON.parse(buildSlackBody(input));
    expect(Object.keys(body)).toEqual(["text"]);
    expect(body.text).toContain('*Co-degradation* opened on run "sft corrupted" at step 300');
    expect(body.text).toContain("n = 200");
    expect(body.text).toContain("http://x/p/demo/runs/r1");
  });
});
