"use server";

import { revalidatePath } from "next/cache";

import { userAction } from "@/app/_lib/action";
import { setPrecisionThreshold } from "@/lib/datasets/page-service";
import { ZSetPrecisionThreshold } from "@/lib/validation/datasets";

// The datasets gate's precision threshold (owners): 0–1, checked by the contract and the service.

export const setPrecisionThresholdAction = userAction(ZSetPrecisionThreshold, async ({ projectId, threshold }, { actor }) => {
  const saved = await setPrecisionThreshold(actor, projectId, threshold);
  revalidatePath("/p/[slug]/settings", "page");
  return { threshold: saved };
});
