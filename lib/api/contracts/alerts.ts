import { z } from "zod";

// Alerts, alert rules and webhooks (issue 14): pure zod, shared by the routes, the OpenAPI document,
// the settings forms and the e2e specs.

export const ALERT_RULE_KINDS = ["gen_below_baseline", "und_below_half", "subtask_non_above", "stalled"] as const;
export type TAlertRuleKind = (typeof ALERT_RULE_KINDS)[number];

/** Each rule's threshold: what it means and its allowed range (a value outside it is a 422). */
export const RULE_THRESHOLDS = {
  gen_below_baseline: { unit: "points", min: 0, max: 100, default: 5 },
  und_below_half: null,
  subtask_non_above: { unit: "percent", min: 0, max: 100, default: 20 },
  stalled: { unit: "minutes", min: 1, max: 10_080, default: 30 },
} as const satisfies Record<TAlertRuleKind, { unit: string; min: number; max: number; default: number } | null>;

const ZRule = z
  .object({ kind: z.enum(ALERT_RULE_KINDS), threshold: z.number().finite().nullish(), enabled: z.boolean().optional() })
  .strict()
  .superRefine((rule, ctx) => {
    const range = RULE_THRESHOLDS[rule.kind];
    if (range === null) {
      if (rule.threshold !== undefined && rule.threshold !== null)
        ctx.addIssue({ code: "custom", path: ["threshold"], message: `${rule.kind} takes no threshold` });
      return;
    }
    const t = rule.threshold ?? range.default;
    if (t < range.min || t > range.max) {
      ctx.addIssue({
        code: "custom",
        path: ["threshold"],
        message: `${rule.kind}: the threshold is in ${range.unit}, from ${range.min} to ${range.max} (got ${t})`,
      });
    }
  });

/** A project's rule set: at most one rule per kind. */
export const ZAlertRuleList = z
  .array(ZRule)
  .max(ALERT_RULE_KINDS.length)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, i) => {
      if (seen.has(rule.kind)) ctx.addIssue({ code: "custom", path: [i, "kind"], message: `${rule.kind} appears twice` });
      seen.add(rule.kind);
    });
  });

/** PUT …/alert-rules replaces the project's rule set. */
export const ZAlertRulesRequest = z.object({ rules: ZAlertRuleList }).strict();
export type TAlertRulesRequest = z.infer<typeof ZAlertRulesRequest>;

export const ZAlertRule = z.object({ id: z.string(), kind: z.enum(ALERT_RULE_KINDS), threshold: z.number().nullable(), enabled: z.boolean() });
export type TAlertRule = z.infer<typeof ZAlertRule>;

export const WEBHOOK_EVENTS = ["alert.opened", "alert.resolved", "alert.acknowledged"] as const;
export type TWebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const ZCreateWebhookRequest = z
  .object({
    // The length and scheme are checked by the service too, with a reason; this bound keeps the body small.
    url: z.string().min(1).max(4000),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length).optional(),
    format: z.enum(["json", "slack"]).optional(),
  })
  .strict();
export type TCreateWebhookRequest = z.infer<typeof ZCreateWebhookRequest>;

export const ZProjectParams = z.object({ slug: z.string().min(1).max(100) });
export const ZWebhookParams = z.object({ slug: z.string().min(1).max(100), webhookId: z.string().min(1).max(100) });
export const ZAlertParams = z.object({ alertId: z.string().min(1).max(100) });
export const ZRunAlertParams = z.object({ runId: z.string().min(1).max(100) });
export const ZAlertListQuery = z
  .object({
    status: z.enum(["open", "acknowledged", "resolved", "all"]).optional(),
    run: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();
export type TAlertListQuery = z.infer<typeof ZAlertListQuery>;

export const ZAlert = z.object({
  id: z.string(),
  projectId: z.string(),
  runId: z.string(),
  runName: z.string(),
  ruleId: z.string().nullable(),
  /** `co_degradation`, `data_quality`, or `rule:<kind>`. */
  signature: z.string(),
  step: z.number().int().nullable(),
  figures: z.record(z.string(), z.unknown()),
  reasons: z.array(z.string()),
  status: z.enum(["open", "acknowledged", "resolved"]),
  openedAt: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedStep: z.number().int().nullable(),
});
export type TAlert = z.infer<typeof ZAlert>;
