// The body of a webhook delivery (issue 14), pure: JSON with the alert, the run's name and link, the
// figures and the reasons; or, for Slack-compatible receivers, `{ "text": … }` with the same facts.
export type TAlertEventInput = {
  event: string;
  alert: {
    id: string;
    signature: string;
    ruleId: string | null;
    step: number | null;
    figures: Record<string, unknown>;
    reasons: string[];
    openedAt: string;
    resolvedAt: string | null;
    resolvedStep: number | null;
    acknowledgedAt: string | null;
  };
  project: { slug: string; name: string };
  run: { id: string; name: string; link: string };
  sentAt: string;
};

const TITLES: Record<string, string> = {
  co_degradation: "Co-degradation",
  data_quality: "Data-quality alarm",
  "rule:gen_below_baseline": "Gen below the baseline",
  "rule:und_below_half": "Und below 50%",
  "rule:subtask_non_above": "Subtask Non above the threshold",
  "rule:stalled": "Run stalled",
};

/** A readable name of what fired. */
export function alertTitle(signature: string): string {
  return TITLES[signature] ?? signature;
}

export function buildJsonBody(input: TAlertEventInput): string {
  const { alert, run, project } = input;
  return JSON.stringify({
    event: input.event,
    sentAt: input.sentAt,
    alert: { ...alert, title: alertTitle(alert.signature) },
    project,
    runId: run.id,
    runName: run.name,
    link: run.link,
    step: alert.step,
    rule: alert.signature,
    figures: alert.figures,
    reasons: alert.reasons,
  });
}

export function buildSlackBody(input: TAlertEventInput): string {
  const { alert, run } = input;
  const what = input.event === "alert.resolved" ? "resolved" : input.event === "alert.acknowledged" ? "acknowledged" : "opened";
  const at = alert.step === null ? "" : ` at step ${alert.step}`;
  const resolved = input.event === "alert.resolved" && alert.resolvedStep !== null ? ` (checkpoint ${alert.resolvedStep} no longer matches)` : "";
  const lines = [`*${alertTitle(alert.signature)}* ${what} on run "${run.name}"${at}${resolved}`, ...alert.reasons.map((r) => `• ${r}`), run.link];
  return JSON.stringify({ text: lines.join("\n") });
}
