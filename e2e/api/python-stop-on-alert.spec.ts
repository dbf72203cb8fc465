import path from "node:path";

import { alertProject } from "../support/co-trend-run";
import { expect, test } from "../support/fixtures";
import { runProcess } from "../support/spawn";

// A training loop stops itself (issue 14): clients/python/examples/stop_on_alert.py logs a corrupted-labels
// style run checkpoint by checkpoint with stop_on_alert=True; checkpoints 1 and 2 are fine, 3 co-degrades.
// The script must log 0–3 and raise unigap.AlertRaised at its next log call, carrying the alert of step 3.
test("[PYTHON]: stop_on_alert raises AlertRaised at the first log call after the co-degrading checkpoint, not before", async ({ playwright, baseURL }) => {
  test.setTimeout(150_000);
  const project = await alertProject(playwright, baseURL!);
  const env = { UNIGAP_URL: baseURL!, UNIGAP_API_KEY: project.apiKey, PYTHONDONTWRITEBYTECODE: "1" };
  const result = await runProcess("python3", ["examples/stop_on_alert.py", "--project", project.slug, "--train-seconds", "6"], env, {
    cwd: path.resolve("clients/python"),
    timeoutMs: 140_000,
  });
  expect(result.code, result.stderr).toBe(0);
  const events = result.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(events.filter((e) => "logged" in e).map((e) => e.logged)).toEqual([0, 1, 2, 3]);
  const raised = events.at(-1)!;
  expect(raised).toMatchObject({ raised: "co_degradation", step: 3 });
  expect((raised.reasons as string[]).join(" ")).toContain("co-degradation");
  expect(raised.figures).toMatchObject({ deltaGen: { n: expect.any(Number), hi: expect.any(Number) }, und: { n: expect.any(Number), hi: expect.any(Number) } });

  const runId = events[0]!.run as string;
  const { alerts } = (await (await project.owner.request.get(`/api/v1/runs/${runId}/alerts`)).json()) as { alerts: { signature: string; step: number }[] };
  expect(alerts.map((a) => [a.signature, a.step])).toEqual([["co_degradation", 3]]);
  const run = (await (await project.owner.request.get(`/api/v1/runs/${runId}`)).json()) as { status: string };
  expect(run.status).toBe("failed");
});
