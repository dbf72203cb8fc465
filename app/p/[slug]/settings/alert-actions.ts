"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/app/_lib/action";
import { putAlertRules } from "@/lib/alerts/service";
import { createWebhook, deleteWebhook } from "@/lib/alerts/webhook-service";
import { ZCreateWebhookForm, ZDeleteWebhook, ZSaveAlertRules } from "@/lib/validation/alerts";

const SETTINGS = "/p/[slug]/settings";

export const saveAlertRulesAction = userAction(ZSaveAlertRules, async ({ slug, rules }, { actor }) => {
  await putAlertRules(actor, slug, { rules });
  revalidatePath(SETTINGS, "page");
  return null;
});

/** The signing secret is in this one response; the page lists the webhook without it afterwards. */
export const createWebhookAction = userAction(ZCreateWebhookForm, async ({ slug, url, format }, { actor }) => {
  const hook = await createWebhook(actor, slug, { url, format });
  revalidatePath(SETTINGS, "page");
  return { id: hook.id, secret: hook.secret };
});

export const deleteWebhookAction = userAction(ZDeleteWebhook, async ({ slug, webhookId }, { actor }) => {
  await deleteWebhook(actor, slug, webhookId);
  revalidatePath(SETTINGS, "page");
  return null;
});
