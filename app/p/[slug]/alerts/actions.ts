"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/app/_lib/action";
import { acknowledgeAlert } from "@/lib/alerts/service";
import { ZAcknowledgeAlert } from "@/lib/validation/alerts";

export const acknowledgeAlertAction = userAction(ZAcknowledgeAlert, async ({ alertId }, { actor }) => {
  await acknowledgeAlert(actor, alertId);
  revalidatePath("/p/[slug]/alerts", "page");
  revalidatePath("/p/[slug]/runs/[runId]", "page");
  return null;
});
