import { z } from "zod";

import { ZAlertRuleList } from "@/lib/api/contracts/alerts";

// Contracts of the alert forms (issue 14): rules, webhooks, acknowledging. Client-safe.
const ZSlugRef = z.string().trim().min(1).max(100);

export const ZSaveAlertRules = z.object({ slug: ZSlugRef, rules: ZAlertRuleList });
export const ZCreateWebhookForm = z.object({
  slug: ZSlugRef,
  url: z.string().trim().min(1, "Give the receiver's URL.").max(4000),
  format: z.enum(["json", "slack"]),
});
export const ZDeleteWebhook = z.object({ slug: ZSlugRef, webhookId: z.uuid() });
export const ZAcknowledgeAlert = z.object({ alertId: z.uuid() });
